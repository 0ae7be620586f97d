package cli

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/exchange"
)

// h2Client is the --http2 transport: Go's net/http transport, which
// negotiates HTTP/2 by ALPN on https URLs (plain http stays HTTP/1.1),
// observed with net/http/httptrace. It fills the engine's report types
// with what it can see: status, header fields, 1xx interim responses,
// per-phase timings, connection reuse, TLS details. What it cannot see
// are the raw bytes: net/http parses the wire itself, so header fields
// come back canonicalised and sorted, HTTP/2 has no reason phrase, and
// the Raw heads are empty.
//
// It stands in for an HTTP/2 mode of the engine. Its Do has the shape
// of exchange.Client.Do and its Follow the redirect rules of
// exchange.Client.Follow, so that when the engine can take a pluggable
// transport for its Follow, Do moves there and Follow goes away.
type h2Client struct {
	tr        *http.Transport
	userAgent string
	showBody  int64 // of the final body kept, as the engine's ShowBody
}

// h2ReadBody bounds the body read and counted, as the engine does.
const h2ReadBody = exchange.DefaultShowBody + exchange.DefaultReadBody

func newH2Client(insecure bool, perHost int, userAgent string, showBody int64) *h2Client {
	var protocols http.Protocols
	protocols.SetHTTP1(true)
	protocols.SetHTTP2(true)
	return &h2Client{userAgent: userAgent, showBody: showBody, tr: &http.Transport{
		Proxy:               nil, // like the engine: no proxy from the environment
		DialContext:         (&net.Dialer{}).DialContext,
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: insecure},
		Protocols:           &protocols,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: perHost,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true, // report the body as sent
	}}
}

func (c *h2Client) CloseIdle() { c.tr.CloseIdleConnections() }

// h2Trace collects what httptrace reports. Its hooks may run on the
// transport's dialing goroutine, even after RoundTrip has returned, so
// everything goes through mu.
type h2Trace struct {
	mu                                   sync.Mutex
	start, dnsStart, connStart, tlsStart time.Time
	timings                              exchange.Timings
	info                                 exchange.ConnInfo
	gotConn, reused                      bool
	interim                              []exchange.Response
}

func (t *h2Trace) since(from time.Time) float64 { return msOf(time.Since(from)) }

func (t *h2Trace) hooks() *httptrace.ClientTrace {
	lock := func(f func()) { t.mu.Lock(); f(); t.mu.Unlock() }
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { lock(func() { t.dnsStart = time.Now() }) },
		DNSDone:  func(httptrace.DNSDoneInfo) { lock(func() { t.timings.DNSMS = t.since(t.dnsStart) }) },
		ConnectStart: func(string, string) {
			lock(func() {
				if t.connStart.IsZero() {
					t.connStart = time.Now()
				}
			})
		},
		ConnectDone: func(_, addr string, err error) {
			lock(func() {
				if err == nil {
					t.timings.ConnectMS, t.info.Remote = t.since(t.connStart), addr
				}
			})
		},
		TLSHandshakeStart: func() { lock(func() { t.tlsStart = time.Now() }) },
		TLSHandshakeDone: func(st tls.ConnectionState, err error) {
			lock(func() {
				t.timings.TLSMS = t.since(t.tlsStart)
				if err == nil {
					t.info.TLSVersion, t.info.ALPN = tls.VersionName(st.Version), st.NegotiatedProtocol
					t.info.CipherSuite, t.info.ServerName = tls.CipherSuiteName(st.CipherSuite), st.ServerName
				}
			})
		},
		GotConn: func(ci httptrace.GotConnInfo) {
			lock(func() {
				t.gotConn, t.reused = true, ci.Reused
				if ci.Reused {
					t.timings.DNSMS, t.timings.ConnectMS, t.timings.TLSMS = 0, 0, 0
				}
				if t.info.Remote == "" && ci.Conn != nil {
					t.info.Remote = ci.Conn.RemoteAddr().String()
				}
			})
		},
		WroteRequest:         func(httptrace.WroteRequestInfo) { lock(func() { t.timings.SentMS = t.since(t.start) }) },
		GotFirstResponseByte: func() { lock(func() { t.timings.FirstByteMS = t.since(t.start) }) },
		Got1xxResponse: func(code int, h textproto.MIMEHeader) error {
			lock(func() {
				t.interim = append(t.interim, exchange.Response{Status: code, Headers: sortedFields(http.Header(h)), AtMS: t.since(t.start)})
			})
			return nil
		},
	}
}

// Do sends req through the transport and reports it as the engine
// reports an exchange.
func (c *h2Client) Do(ctx context.Context, req exchange.Request) exchange.Exchange {
	tr := &h2Trace{start: time.Now()}
	ex := exchange.Exchange{URL: req.URL.String(), Interim: []exchange.Response{}}
	var body io.Reader
	if req.Body != "" {
		body = strings.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, tr.hooks()), req.Method, req.URL.String(), body)
	if err != nil {
		ex.Error, ex.Failure = "the request could not be made: "+err.Error(), exchange.FailProto
		return ex
	}
	sent := []exchange.Field{{Name: "Host", Value: hr.Host}}
	hasUA := false
	for _, f := range req.Header {
		hr.Header.Add(f.Name, f.Value)
		hasUA = hasUA || strings.EqualFold(f.Name, "User-Agent")
	}
	if !hasUA {
		hr.Header.Set("User-Agent", c.userAgent) // empty: net/http then sends none
		if c.userAgent != "" {
			sent = append(sent, exchange.Field{Name: "User-Agent", Value: c.userAgent})
		}
	}
	sent = append(sent, req.Header...)
	ex.Request = exchange.Sent{Method: req.Method, Target: req.URL.RequestURI(), Headers: sent, Body: req.Body}

	resp, err := c.tr.RoundTrip(hr)
	var wr *exchange.Response
	brokeOff := ""
	if err == nil {
		wr = &exchange.Response{
			Status: resp.StatusCode, Proto: resp.Proto, Headers: sortedFields(resp.Header),
			StatusLine: resp.Proto + " " + resp.Status,
		}
		if resp.ProtoMajor < 2 {
			wr.Reason = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
		} else {
			wr.StatusLine = resp.Proto + " " + strconv.Itoa(resp.StatusCode) // HTTP/2 has no reason phrase
		}
		wr.AtMS = msOf(time.Since(tr.start))
		var shown []byte
		var n int64
		shown, err = io.ReadAll(io.LimitReader(resp.Body, c.showBody))
		if err == nil {
			n, err = io.Copy(io.Discard, io.LimitReader(resp.Body, h2ReadBody+1-int64(len(shown))))
		}
		n += int64(len(shown))
		wr.BodyBytes, wr.BodyTruncated = min(n, h2ReadBody), n > int64(len(shown))
		if utf8.Valid(shown) {
			wr.Body = string(shown)
		} else {
			wr.Body, wr.BodyBase64 = base64.StdEncoding.EncodeToString(shown), true
		}
		resp.Body.Close()
		ex.Response = wr
		if err != nil {
			brokeOff = fmt.Sprintf("the body broke off after %d bytes", n)
		}
	}
	ex.TotalMS = msOf(time.Since(tr.start))
	tr.mu.Lock()
	ex.Timings, ex.Reused, ex.Interim = tr.timings, tr.reused, append(ex.Interim, tr.interim...)
	if tr.gotConn {
		info := tr.info
		ex.Conn = &info
	}
	what := "connecting"
	switch {
	case brokeOff != "":
		what = brokeOff
	case tr.gotConn:
		what = "no response"
	}
	tr.mu.Unlock()
	ex.Timings.TotalMS, ex.FirstByteMS = ex.TotalMS, ex.Timings.FirstByteMS
	if err != nil {
		ex.Error, ex.Failure = failureWords(err, what)
	}
	return ex
}

// sortedFields lists h's fields by name (net/http keeps no order).
func sortedFields(h http.Header) []exchange.Field {
	fields := []exchange.Field{}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range h[name] {
			fields = append(fields, exchange.Field{Name: name, Value: v})
		}
	}
	return fields
}

// failureWords says in plain words what went wrong, and its kind, as the
// engine does for its own exchanges.
func failureWords(err error, what string) (string, string) {
	var dnsErr *net.DNSError
	var unknownAuth x509.UnknownAuthorityError
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	var recordErr tls.RecordHeaderError
	var alert tls.AlertError
	kinds := []struct {
		is    bool
		words string
		kind  string
	}{
		{errors.As(err, &dnsErr), "the name does not resolve (DNS)", exchange.FailDNS},
		{errors.As(err, &unknownAuth) || errors.As(err, &certErr) && errors.As(certErr.Err, &unknownAuth),
			"the server's TLS certificate is not signed by a trusted authority (self-signed or a private CA; -k skips the check)", exchange.FailTLS},
		{errors.As(err, &hostErr), "the server's TLS certificate is not for this host name", exchange.FailTLS},
		{errors.As(err, &certErr) || errors.As(err, &recordErr) || errors.As(err, &alert), "the TLS handshake failed: " + err.Error(), exchange.FailTLS},
		{errors.Is(err, context.DeadlineExceeded) || isNetTimeout(err), "timed out", exchange.FailTimeout},
		{errors.Is(err, context.Canceled), "cancelled", exchange.FailTimeout},
		{errors.Is(err, syscall.ECONNREFUSED), "the connection was refused (nothing listens on that port)", exchange.FailRefused},
		{errors.Is(err, syscall.ECONNRESET), "the server reset the connection", exchange.FailReset},
		{errors.Is(err, io.ErrUnexpectedEOF), "the server closed the connection before the message was complete", exchange.FailClosed},
		{errors.Is(err, io.EOF), "the server closed the connection", exchange.FailClosed},
	}
	for _, k := range kinds {
		if k.is {
			if k.kind == exchange.FailDNS {
				return fmt.Sprintf("%s: the name %s does not resolve (DNS)", what, dnsErr.Name), k.kind
			}
			return what + ": " + k.words, k.kind
		}
	}
	return what + ": " + err.Error(), exchange.FailProto
}

func isNetTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// msOf is d in milliseconds, to the microsecond, as the engine counts.
func msOf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Follow performs req and the redirects after it under p, with the rules
// of exchange.Client.Follow: 303, and 301 or 302 after POST, become GET
// without a body; 307 and 308 repeat the request; credentials are not
// sent to another host; a hop back to a URL already requested is a loop.
func (c *h2Client) Follow(ctx context.Context, req exchange.Request, p exchange.Policy) exchange.Chain {
	start := time.Now()
	limit := orDefault(p.MaxRedirects, 10)
	ch := exchange.Chain{Exchanges: []exchange.Exchange{}}
	asked := map[string]int{}
	for cur := req; ; {
		asked[cur.Method+" "+bareURL(cur.URL)] = len(ch.Exchanges)
		ex := c.within(ctx, p.Timeout, cur)
		if ex.Response != nil {
			ch.Status = ex.Response.Status
		}
		ch.Exchanges = append(ch.Exchanges, ex)
		if ex.Error != "" {
			ch.Error, ch.Failure = ex.Error, ex.Failure
			break
		}
		last := &ch.Exchanges[len(ch.Exchanges)-1]
		next, hop := redirectOf(ex.Response, cur, p)
		last.Redirect = hop
		if hop == nil || !hop.Followed {
			break
		}
		if at, seen := asked[next.Method+" "+bareURL(next.URL)]; seen {
			hop.Loop, hop.Followed = true, false
			hop.Reason = fmt.Sprintf("a redirect loop: %s was already requested (request %d)", next.URL, at+1)
			ch.Error = hop.Reason
			break
		}
		if ch.Redirects == limit {
			hop.Followed, hop.Reason = false, fmt.Sprintf("stopped after %d redirects", limit)
			ch.Error = hop.Reason
			break
		}
		ch.Redirects++
		cur = next
	}
	ch.TotalMS = msOf(time.Since(start))
	return ch
}

func orDefault(v, otherwise int) int {
	if v > 0 {
		return v
	}
	return otherwise
}

// within performs one exchange in at most timeout (0: no bound but ctx).
func (c *h2Client) within(ctx context.Context, timeout time.Duration, req exchange.Request) exchange.Exchange {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	return c.Do(ctx, req)
}

// redirectOf reads where a response redirects and what request follows;
// the hop is nil when it does not redirect.
func redirectOf(resp *exchange.Response, cur exchange.Request, p exchange.Policy) (exchange.Request, *exchange.Hop) {
	loc := resp.Get("Location")
	if !slices.Contains([]int{301, 302, 303, 307, 308}, resp.Status) || loc == "" {
		return cur, nil
	}
	hop := &exchange.Hop{Location: loc}
	to, err := cur.URL.Parse(loc)
	if err != nil {
		hop.Reason = "Location does not parse: " + err.Error()
		return cur, hop
	}
	hop.CrossHost = to.Host != "" && !strings.EqualFold(to.Host, cur.URL.Host)
	hop.Downgrade = cur.URL.Scheme == "https" && to.Scheme == "http"
	if why := refuseHop(to, p); why != "" {
		hop.Reason = why
		return cur, hop
	}
	if p.Allow != nil {
		if hop.Reason = p.Allow(cur.URL, to); hop.Reason != "" {
			return cur, hop
		}
	}
	to.Fragment, to.RawFragment = "", ""
	next := exchange.Request{Method: cur.Method, URL: to, Header: cur.Header, Body: cur.Body}
	if resp.Status == 303 && cur.Method != http.MethodHead || (resp.Status == 301 || resp.Status == 302) && cur.Method == http.MethodPost {
		next.Method, next.Body = http.MethodGet, ""
		next.Header = withoutFields(next.Header, "Content-Type")
	}
	if hop.CrossHost {
		next.Header = withoutFields(next.Header, "Authorization", "Cookie", "Proxy-Authorization")
	}
	hop.Next, hop.NextURL, hop.Method, hop.Followed = to.RequestURI(), to.String(), next.Method, true
	return next, hop
}

// refuseHop says why a redirect to "to" is not followed, or "".
func refuseHop(to *url.URL, p exchange.Policy) string {
	switch {
	case to.Scheme != "http" && to.Scheme != "https":
		return fmt.Sprintf("it is not an http or https URL (%s)", to.Scheme)
	case to.Host == "":
		return "it names no host"
	case !p.Follow:
		return "following redirects is off"
	}
	return ""
}

func withoutFields(fields []exchange.Field, names ...string) []exchange.Field {
	return slices.DeleteFunc(slices.Clone(fields), func(f exchange.Field) bool {
		return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, f.Name) })
	})
}

func bareURL(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}
