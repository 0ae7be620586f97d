package exchange

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"
)

// Dialer makes the connection for an exchange to u's host, and says how
// long each phase took.
type Dialer interface {
	Dial(ctx context.Context, u *url.URL) (net.Conn, ConnInfo, error)
}

// NetDialer dials over TCP, and TLS for https, timing name resolution,
// the TCP connect and the TLS handshake apart.
type NetDialer struct {
	// Insecure skips TLS certificate verification (curl -k).
	Insecure bool
	// RootCAs verifies servers; nil is the system's pool.
	RootCAs *x509.CertPool
	// Resolver resolves names; nil is net.DefaultResolver.
	Resolver *net.Resolver
	// CheckIP vets every address before it is dialled, after resolution,
	// so that neither DNS nor a redirect can get round it; nil allows all.
	CheckIP func(ip net.IP) error
}

// Dial resolves u's host, connects to its addresses in turn and, for
// https, performs the TLS handshake with ALPN http/1.1.
func (d *NetDialer) Dial(ctx context.Context, u *url.URL) (net.Conn, ConnInfo, error) {
	var info ConnInfo
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	start := time.Now()
	var ips []net.IP
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IP{ip}
	} else {
		resolver := d.Resolver
		if resolver == nil {
			resolver = net.DefaultResolver
		}
		addrs, err := resolver.LookupIPAddr(ctx, host)
		info.timings.DNSMS = ms(time.Since(start))
		if err != nil {
			return nil, info, err
		}
		for _, a := range addrs {
			ips = append(ips, a.IP)
		}
	}
	dnsDone := time.Now()
	var conn net.Conn
	var lastErr error
	for _, ip := range ips {
		if d.CheckIP != nil {
			if err := d.CheckIP(ip); err != nil {
				lastErr = err
				continue
			}
		}
		addr := net.JoinHostPort(ip.String(), port)
		var nd net.Dialer
		c, err := nd.DialContext(ctx, "tcp", addr)
		if err == nil {
			conn, info.Remote = c, addr
			break
		}
		lastErr = err
	}
	info.timings.ConnectMS = ms(time.Since(dnsDone))
	if conn == nil {
		return nil, info, lastErr
	}
	if u.Scheme != "https" {
		return conn, info, nil
	}
	tlsStart := time.Now()
	tc := tls.Client(conn, &tls.Config{ServerName: host, InsecureSkipVerify: d.Insecure, RootCAs: d.RootCAs, NextProtos: []string{"http/1.1"}})
	err := tc.HandshakeContext(ctx)
	info.timings.TLSMS = ms(time.Since(tlsStart))
	if err != nil {
		conn.Close()
		return nil, info, &tlsError{err}
	}
	st := tc.ConnectionState()
	info.TLSVersion, info.ALPN, info.CipherSuite, info.ServerName = tls.VersionName(st.Version), st.NegotiatedProtocol, tls.CipherSuiteName(st.CipherSuite), st.ServerName
	return tc, info, nil
}

// tlsError marks a failed TLS handshake.
type tlsError struct{ err error }

func (e *tlsError) Error() string { return e.err.Error() }
func (e *tlsError) Unwrap() error { return e.err }

// dialError carries the phase timings of a failed dial.
type dialError struct {
	err     error
	timings Timings
}

func (e *dialError) Error() string { return e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

// dial makes a connection ready for the engine.
func dial(ctx context.Context, d Dialer, u *url.URL) (*conn, error) {
	c, info, err := d.Dial(ctx, u)
	if err != nil {
		return nil, &dialError{err, info.timings}
	}
	rec := &recorder{r: c}
	return &conn{Conn: c, rec: rec, br: bufio.NewReader(rec), info: info}, nil
}

// describe turns what happened to a connection into plain words and a
// kind of failure, after what (the phase) it happened in.
func describe(err error, what string) (string, string) {
	var dnsErr *net.DNSError
	var tlsErr *tlsError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var recordErr tls.RecordHeaderError
	var alertErr tls.AlertError
	var blocked *BlockedError
	switch {
	case errors.As(err, &blocked):
		return what + ": " + blocked.Error(), FailBlocked
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return fmt.Sprintf("%s: the name %s does not resolve (DNS: no such host)", what, dnsErr.Name), FailDNS
		}
		if dnsErr.IsTimeout {
			return fmt.Sprintf("%s: looking up %s timed out (DNS)", what, dnsErr.Name), FailDNS
		}
		return fmt.Sprintf("%s: looking up %s failed (DNS): %v", what, dnsErr.Name, dnsErr.Err), FailDNS
	case errors.As(err, &unknownAuth), errors.As(err, &certErr) && errors.As(certErr.Err, &unknownAuth):
		return what + ": the server's TLS certificate is not signed by a trusted authority (self-signed or a private CA; -k skips the check)", FailTLS
	case errors.As(err, &hostErr):
		return what + ": the server's TLS certificate is not for this host name (" + hostErr.Error() + ")", FailTLS
	case errors.As(err, &invalid):
		return what + ": the server's TLS certificate is invalid (" + invalid.Error() + ")", FailTLS
	case errors.As(err, &recordErr), errors.As(err, &alertErr):
		return what + ": the TLS handshake failed: " + err.Error(), FailTLS
	case errors.As(err, &tlsErr):
		if isTimeout(err) {
			return what + ": the TLS handshake timed out", FailTimeout
		}
		return what + ": the TLS handshake failed: " + tlsErr.err.Error(), FailTLS
	case isTimeout(err), errors.Is(err, context.DeadlineExceeded):
		return what + ": timed out", FailTimeout
	case errors.Is(err, syscall.ECONNREFUSED):
		return what + ": the connection was refused (nothing listens on that port)", FailRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, errPeerReset):
		return what + ": the server reset the connection", FailReset
	case errors.Is(err, io.ErrUnexpectedEOF):
		return what + ": the server closed the connection before the message was complete", FailClosed
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrClosedPipe), errors.Is(err, net.ErrClosed), errors.Is(err, syscall.EPIPE):
		return what + ": the server closed the connection", FailClosed
	case errors.Is(err, context.Canceled):
		return what + ": interrupted", FailCancelled
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return what + ": no route to the host", FailConnect
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return what + ": " + strings.TrimPrefix(err.Error(), "dial tcp "), FailConnect
	}
	var sysErr *os.SyscallError
	if errors.As(err, &sysErr) {
		return what + ": " + sysErr.Error(), FailConnect
	}
	return what + ": " + err.Error(), FailProto
}

// BlockedError is a NetDialer.CheckIP refusal: the address may not be
// dialled.
type BlockedError struct {
	IP     net.IP
	Reason string
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("%s is %s, which this checker does not connect to", e.IP, e.Reason)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// errPeerReset is what an in-memory connection reads after the other end
// reset it (see MemoryConn).
var errPeerReset = errors.New("connection reset by peer")
