package exchange

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// HTTP2Client performs exchanges through Go's net/http transport, which
// negotiates HTTP/2 by ALPN on https URLs (plain http stays HTTP/1.1),
// observed with net/http/httptrace. It fills the engine's report types
// with what it can see: status, header fields, 1xx interim responses,
// per-phase timings, connection reuse, TLS details. What it cannot see
// are the raw bytes: net/http parses the wire itself, so header fields
// come back canonicalised and sorted, HTTP/2 has no reason phrase, and
// the Raw heads are empty.
// Its chains follow the engine's rules: Follow works on any Doer.
type HTTP2Client struct {
	tr        *http.Transport
	userAgent string
	showBody  int64 // of the final body kept, as the engine's ShowBody
}

// NewHTTP2Client returns a client that negotiates HTTP/2 where the server
// offers it: insecure skips TLS verification, perHost bounds the idle
// connections kept per host, userAgent is sent when a request has none,
// and showBody is how much of a body is reported (as Client.ShowBody).
func NewHTTP2Client(insecure bool, perHost int, userAgent string, showBody int64) *HTTP2Client {
	var protocols http.Protocols
	protocols.SetHTTP1(true)
	protocols.SetHTTP2(true)
	return &HTTP2Client{userAgent: userAgent, showBody: showBody, tr: &http.Transport{
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

// CloseIdle closes the idle connections kept for reuse.
func (c *HTTP2Client) CloseIdle() { c.tr.CloseIdleConnections() }

// http2Trace collects what httptrace reports. Its hooks may run on the
// transport's dialing goroutine, even after RoundTrip has returned, so
// everything goes through mu.
type http2Trace struct {
	mu                                   sync.Mutex
	start, dnsStart, connStart, tlsStart time.Time
	timings                              Timings
	info                                 ConnInfo
	gotConn, reused                      bool
	interim                              []Response
}

func (t *http2Trace) since(from time.Time) float64 { return ms(time.Since(from)) }

func (t *http2Trace) hooks() *httptrace.ClientTrace {
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
				if tc, ok := ci.Conn.(*tls.Conn); ok && t.info.TLSVersion == "" {
					// A reused connection has no handshake to observe.
					st := tc.ConnectionState()
					t.info.TLSVersion, t.info.ALPN = tls.VersionName(st.Version), st.NegotiatedProtocol
					t.info.CipherSuite, t.info.ServerName = tls.CipherSuiteName(st.CipherSuite), st.ServerName
				}
			})
		},
		WroteRequest:         func(httptrace.WroteRequestInfo) { lock(func() { t.timings.SentMS = t.since(t.start) }) },
		GotFirstResponseByte: func() { lock(func() { t.timings.FirstByteMS = t.since(t.start) }) },
		Got1xxResponse: func(code int, h textproto.MIMEHeader) error {
			lock(func() {
				t.interim = append(t.interim, Response{Status: code, Headers: sortedFields(http.Header(h)), AtMS: t.since(t.start)})
			})
			return nil
		},
	}
}

// Do sends req through the transport and reports it as the engine
// reports an
func (c *HTTP2Client) Do(ctx context.Context, req Request) Exchange {
	tr := &http2Trace{start: time.Now()}
	ex := Exchange{URL: req.URL.String(), Interim: []Response{}}
	var body io.Reader
	if req.Body != "" {
		body = strings.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, tr.hooks()), req.Method, req.URL.String(), body)
	if err != nil {
		ex.Error, ex.Failure = "the request could not be made: "+err.Error(), FailProto
		return ex
	}
	sent := []Field{{Name: "Host", Value: hr.Host}}
	hasUA := false
	for _, f := range req.Header {
		hr.Header.Add(f.Name, f.Value)
		hasUA = hasUA || strings.EqualFold(f.Name, "User-Agent")
	}
	if !hasUA {
		hr.Header.Set("User-Agent", c.userAgent) // empty: net/http then sends none
		if c.userAgent != "" {
			sent = append(sent, Field{Name: "User-Agent", Value: c.userAgent})
		}
	}
	sent = append(sent, req.Header...)
	ex.Request = Sent{Method: req.Method, Target: req.URL.RequestURI(), Headers: sent, Body: req.Body}

	resp, err := c.tr.RoundTrip(hr)
	var wr *Response
	brokeOff := ""
	if err == nil {
		wr = &Response{
			Status: resp.StatusCode, Proto: resp.Proto, Headers: sortedFields(resp.Header),
			StatusLine: resp.Proto + " " + resp.Status,
		}
		if resp.ProtoMajor < 2 {
			wr.Reason = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
		} else {
			wr.StatusLine = resp.Proto + " " + strconv.Itoa(resp.StatusCode) // HTTP/2 has no reason phrase
		}
		wr.AtMS = ms(time.Since(tr.start))
		// As Client.readBody: the first showBody bytes kept, up to
		// DefaultReadBody more read and counted.
		var shown []byte
		var rest int64
		shown, err = io.ReadAll(io.LimitReader(resp.Body, c.showBody))
		if err == nil {
			rest, err = io.Copy(io.Discard, io.LimitReader(resp.Body, DefaultReadBody))
		}
		n := int64(len(shown)) + rest
		wr.BodyBytes, wr.BodyTruncated = n, rest > 0
		if err == nil {
			var one [1]byte
			more, _ := io.ReadFull(resp.Body, one[:])
			wr.BodyCut = more > 0
			wr.BodyTruncated = wr.BodyTruncated || wr.BodyCut
		}
		if utf8.Valid(shown) {
			wr.Body = string(shown)
		} else {
			wr.Body, wr.BodyBase64 = base64.StdEncoding.EncodeToString(shown), true
		}
		resp.Body.Close()
		ex.Response = wr
		if err != nil {
			wr.Incomplete = true
			brokeOff = fmt.Sprintf("the body broke off after %d bytes", n)
		}
	}
	ex.TotalMS = ms(time.Since(tr.start))
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
		ex.Error, ex.Failure = describe(err, what)
	}
	return ex
}

// sortedFields lists h's fields by name (net/http keeps no order).
func sortedFields(h http.Header) []Field {
	fields := []Field{}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range h[name] {
			fields = append(fields, Field{Name: name, Value: v})
		}
	}
	return fields
}

// Follow performs req and its redirects under p, by the engine's rules.
func (c *HTTP2Client) Follow(ctx context.Context, req Request, p Policy) Chain {
	return Follow(ctx, c, req, p)
}
