// Package exchange sends HTTP/1.1 requests and records each exchange as it
// went over the wire: the request bytes, every 1xx interim response, the
// final response's status line and header fields in the order and
// spelling received, the body (capped), per-phase timings with
// microsecond resolution, and the redirect hops.
//
// Go's http.Client hides all of that (it folds 1xx responses, canonicalises
// and reorders header names, follows redirects silently), which is why the
// engine writes requests and reads responses itself. One engine serves two
// transports: the tester's inspector dials this server in memory
// ([Client.Dialer] set to an in-memory dialer), and 'httpstatus check'
// dials real hosts over TCP and TLS ([NetDialer]).
package exchange

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Field is one header line, in the order and spelling sent or received.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Request is one request to send.
type Request struct {
	Method string
	URL    *url.URL // absolute http or https URL
	// Header holds the fields to send after Host, in order. Host,
	// Content-Length and Transfer-Encoding are the engine's own.
	Header []Field
	Body   string
}

// Sent is a request as it went on the wire.
type Sent struct {
	Method  string  `json:"method"`
	Target  string  `json:"target"`
	Headers []Field `json:"headers"`
	Raw     string  `json:"raw"` // request line and header section as sent
	Body    string  `json:"body,omitempty"`
}

// Response is a response head as received, and for the final response
// its body.
type Response struct {
	StatusLine    string  `json:"status_line"`
	Status        int     `json:"status"`
	Proto         string  `json:"proto,omitempty"` // as on the status line, "HTTP/1.1"
	Reason        string  `json:"reason,omitempty"`
	Headers       []Field `json:"headers"`
	Raw           string  `json:"raw"` // status line and header section as received
	AtMS          float64 `json:"at_ms"`
	Body          string  `json:"body,omitempty"`
	BodyBase64    bool    `json:"body_base64,omitempty"`
	BodyBytes     int64   `json:"body_bytes"`
	BodyTruncated bool    `json:"body_truncated,omitempty"` // Body is less than the body
	BodyCut       bool    `json:"body_cut,omitempty"`       // reading stopped at the read limit: BodyBytes is less than the body
	// Incomplete says the connection ended before the content its
	// framing declared; Excess counts bytes that had already arrived
	// after the message's declared end (content on a HEAD or 204
	// response, more than Content-Length). The linter reads both.
	Incomplete bool  `json:"incomplete,omitempty"`
	Excess     int64 `json:"excess_bytes,omitempty"`
}

// Get returns the first value of the named field, case-insensitively.
func (r *Response) Get(name string) string {
	for _, f := range r.Headers {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Timings are the phases of one exchange in milliseconds with microsecond
// resolution, each measured from the start of the exchange: DNS, Connect
// and TLS are durations (zero on a reused connection or where there is no
// such phase); Sent, FirstByte and Total are points in time.
type Timings struct {
	DNSMS       float64 `json:"dns_ms"`
	ConnectMS   float64 `json:"connect_ms"`
	TLSMS       float64 `json:"tls_ms"`
	SentMS      float64 `json:"sent_ms"`
	FirstByteMS float64 `json:"first_byte_ms"`
	TotalMS     float64 `json:"total_ms"`
}

// PhaseNames names the phases of Exchange.Phases, in order.
var PhaseNames = [5]string{"DNS", "connect", "TLS", "wait", "transfer"}

// Phases are the durations of an exchange's timing bar in milliseconds:
// DNS, connect and TLS (on a new connection), wait (sending the request,
// then the server's work, up to the first byte) and transfer (to the
// end). A phase that did not happen is -1.
func (ex *Exchange) Phases() [5]float64 {
	tm := ex.Timings
	p := [5]float64{-1, -1, -1, -1, -1}
	if !ex.Reused {
		for i, v := range []float64{tm.DNSMS, tm.ConnectMS, tm.TLSMS} {
			if v > 0 {
				p[i] = v
			}
		}
	}
	if tm.FirstByteMS > 0 {
		p[3] = max(tm.FirstByteMS-tm.DNSMS-tm.ConnectMS-tm.TLSMS, 0)
		p[4] = max(tm.TotalMS-tm.FirstByteMS, 0)
	}
	return p
}

// Exchange is one request on one connection and what came back.
type Exchange struct {
	URL      string     `json:"url"`
	Request  Sent       `json:"request"`
	Interim  []Response `json:"interim"`
	Response *Response  `json:"response,omitempty"`
	// FirstByteMS and TotalMS repeat Timings for the inspector's clients.
	FirstByteMS float64   `json:"first_byte_ms"`
	TotalMS     float64   `json:"total_ms"`
	Timings     Timings   `json:"timings"`
	Conn        *ConnInfo `json:"connection,omitempty"`
	Reused      bool      `json:"reused"`
	Redirect    *Hop      `json:"redirect,omitempty"`
	// Error says in plain words why the exchange stopped early; Failure
	// is its kind, one of the Failure constants.
	Error   string `json:"error,omitempty"`
	Failure string `json:"failure,omitempty"`
}

// Kinds of failure, for an Exchange's Failure.
const (
	FailDNS       = "dns"     // the name did not resolve
	FailRefused   = "refused" // nothing listens there
	FailReset     = "reset"   // the peer reset the connection
	FailTLS       = "tls"     // the TLS handshake or certificate failed
	FailTimeout   = "timeout" // a phase took longer than allowed
	FailClosed    = "closed"  // the peer closed before the message was complete
	FailProto     = "protocol"
	FailConnect   = "connect"   // any other failure to connect
	FailBlocked   = "blocked"   // the address may not be dialled (see Guard)
	FailCancelled = "cancelled" // the caller gave up (an interrupt)
)

// ConnInfo describes the connection an exchange used.
type ConnInfo struct {
	Remote      string `json:"remote,omitempty"` // the address dialled
	TLSVersion  string `json:"tls_version,omitempty"`
	ALPN        string `json:"alpn,omitempty"`
	CipherSuite string `json:"cipher_suite,omitempty"`
	ServerName  string `json:"server_name,omitempty"`
	timings     Timings
}

// Limits of what the engine reads and keeps.
const (
	// DefaultShowBody is how much of a body is reported.
	DefaultShowBody = 64 << 10
	// DefaultReadBody is how much more of a body is read and counted.
	DefaultReadBody = 8 << 20
	// keepRaw bounds the bytes kept to show response heads as received.
	keepRaw = 256 << 10
	// continueWait is how long a body sent with Expect: 100-continue
	// waits for the 100 before it is sent anyway (RFC 9110 §10.1.1).
	continueWait = time.Second
)

// Client performs exchanges. Its zero value dials over TCP with default
// settings; set Dialer for another transport.
type Client struct {
	// Dialer makes connections; nil is a NetDialer with default settings.
	Dialer Dialer
	// UserAgent is sent when the request has no User-Agent field; empty
	// sends none.
	UserAgent string
	// ShowBody and ReadBody bound the body reported and read (defaults
	// DefaultShowBody and DefaultReadBody).
	ShowBody, ReadBody int64
	// KeepAlive reuses connections between exchanges to the same
	// scheme, host and port, as browsers and curl do.
	KeepAlive bool
	// MaxIdlePerHost bounds the idle connections kept per host (default
	// 6), MaxIdle those kept in all (default 64), and IdleTimeout how long
	// one is kept (default 30s).
	MaxIdlePerHost, MaxIdle int
	IdleTimeout             time.Duration

	mu        sync.Mutex
	idle      map[string][]*conn
	idleCount int
}

// conn is a connection with what the engine reads it through.
type conn struct {
	net.Conn
	rec       *recorder
	br        *bufio.Reader
	info      ConnInfo
	idleSince time.Time
}

// Do sends req and reads what comes back, within ctx. A kept-alive
// connection that the server has closed meanwhile (nothing comes back on
// it) is replaced by a new one once, for idempotent methods, as browsers
// and curl do.
func (c *Client) Do(ctx context.Context, req Request) Exchange {
	ex := c.do(ctx, req, false)
	if ex.Reused && ex.Error != "" && ex.Response == nil && len(ex.Interim) == 0 && ex.Failure != FailCancelled && idempotent[req.Method] && ctx.Err() == nil {
		ex = c.do(ctx, req, true)
	}
	return ex
}

// Idempotent reports whether a request with method may be sent twice
// with the effect of once (RFC 9110 §9.2.2): what a client may retry.
func Idempotent(method string) bool { return idempotent[method] }

var idempotent = map[string]bool{"GET": true, "HEAD": true, "OPTIONS": true, "TRACE": true, "PUT": true, "DELETE": true}

// do performs one exchange, on a kept-alive connection unless fresh.
func (c *Client) do(ctx context.Context, req Request, fresh bool) Exchange {
	start := time.Now()
	ex := Exchange{URL: req.URL.String(), Interim: []Response{}}
	head, fields := Head(req, c.UserAgent)
	ex.Request = Sent{Method: req.Method, Target: requestTarget(req.URL), Headers: fields, Raw: head, Body: req.Body}

	key := poolKey(req.URL)
	var cn *conn
	if !fresh {
		cn = c.takeIdle(key, start)
	}
	if cn != nil {
		ex.Reused = true
	} else {
		dialer := c.Dialer
		if dialer == nil {
			dialer = &NetDialer{}
		}
		var err error
		cn, err = dial(ctx, dialer, req.URL)
		if err != nil {
			ex.Error, ex.Failure = describe(err, "connecting")
			if ctx.Err() == context.Canceled {
				ex.Error, ex.Failure = "connecting: interrupted", FailCancelled
			}
			ex.TotalMS = ms(time.Since(start))
			ex.Timings.TotalMS = ex.TotalMS
			if info, ok := err.(*dialError); ok {
				ex.Timings.DNSMS, ex.Timings.ConnectMS, ex.Timings.TLSMS = info.timings.DNSMS, info.timings.ConnectMS, info.timings.TLSMS
			}
			return ex
		}
		ex.Timings.DNSMS, ex.Timings.ConnectMS, ex.Timings.TLSMS = cn.info.timings.DNSMS, cn.info.timings.ConnectMS, cn.info.timings.TLSMS
	}
	info := cn.info
	ex.Conn = &info
	reusable := c.exchange(ctx, cn, req, head, start, &ex)
	if ex.Error != "" && ctx.Err() == context.Canceled {
		what, _, _ := strings.Cut(ex.Error, ":")
		ex.Error, ex.Failure = what+": interrupted", FailCancelled
	}
	if reusable && c.KeepAlive {
		c.putIdle(key, cn, time.Now())
	} else {
		cn.Close()
	}
	return ex
}

// CloseIdle closes the idle connections kept for reuse.
func (c *Client) CloseIdle() {
	c.mu.Lock()
	idle := c.idle
	c.idle, c.idleCount = nil, 0
	c.mu.Unlock()
	for _, conns := range idle {
		for _, cn := range conns {
			cn.Close()
		}
	}
}

// Pool defaults.
const (
	defaultIdlePerHost = 6
	defaultIdle        = 64
	defaultIdleTimeout = 30 * time.Second
)

func (c *Client) takeIdle(key string, now time.Time) *conn {
	if !c.KeepAlive {
		return nil
	}
	timeout := c.IdleTimeout
	if timeout <= 0 {
		timeout = defaultIdleTimeout
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for conns := c.idle[key]; len(conns) > 0; conns = c.idle[key] {
		cn := conns[len(conns)-1]
		c.idle[key] = conns[:len(conns)-1]
		c.idleCount--
		if now.Sub(cn.idleSince) < timeout {
			return cn
		}
		cn.Close() // idle too long: the server has likely closed it
	}
	delete(c.idle, key)
	return nil
}

// putIdle keeps cn for reuse, within MaxIdlePerHost for its host and
// MaxIdle in all: past the total, the connection idle longest is closed.
func (c *Client) putIdle(key string, cn *conn, now time.Time) {
	perHost, total := c.MaxIdlePerHost, c.MaxIdle
	if perHost <= 0 {
		perHost = defaultIdlePerHost
	}
	if total <= 0 {
		total = defaultIdle
	}
	c.mu.Lock()
	if c.idle == nil {
		c.idle = make(map[string][]*conn)
	}
	if len(c.idle[key]) >= perHost {
		c.mu.Unlock()
		cn.Close()
		return
	}
	var evict *conn
	if c.idleCount >= total {
		oldestKey := ""
		for k, conns := range c.idle {
			if len(conns) > 0 && (evict == nil || conns[0].idleSince.Before(evict.idleSince)) {
				evict, oldestKey = conns[0], k
			}
		}
		if evict != nil {
			c.idle[oldestKey] = c.idle[oldestKey][1:]
			if len(c.idle[oldestKey]) == 0 {
				delete(c.idle, oldestKey)
			}
			c.idleCount--
		}
	}
	cn.idleSince = now
	c.idle[key] = append(c.idle[key], cn)
	c.idleCount++
	c.mu.Unlock()
	if evict != nil {
		evict.Close()
	}
}

// Idle is the number of connections kept for reuse.
func (c *Client) Idle() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idleCount
}

// exchange writes the request on cn and reads the responses, filling ex.
// It reports whether cn can carry another request.
func (c *Client) exchange(ctx context.Context, cn *conn, req Request, head string, start time.Time, ex *Exchange) (reusable bool) {
	if d, ok := ctx.Deadline(); ok {
		cn.SetDeadline(d)
	} else {
		cn.SetDeadline(time.Time{})
	}
	stop := context.AfterFunc(ctx, func() { cn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	cn.rec.reset(start)

	expectContinue := false
	for _, h := range req.Header {
		expectContinue = expectContinue || strings.EqualFold(h.Name, "Expect") && strings.EqualFold(strings.TrimSpace(h.Value), "100-continue")
	}
	proceed := make(chan bool, 1) // true: send the body; false: do not
	writeDone := make(chan written, 1)
	if req.Body == "" {
		// A head alone fits the socket's buffer: write it here, without a
		// writer goroutine (the common case: GET and HEAD, in bulk).
		_, err := io.WriteString(cn, head)
		writeDone <- written{time.Since(start), err}
	} else {
		// A body is written alongside the reading, which may have to
		// answer 100 Continue first or see the server answer early.
		go func() {
			_, err := io.WriteString(cn, head)
			if err == nil {
				if expectContinue {
					select {
					case ok := <-proceed:
						if !ok {
							writeDone <- written{time.Since(start), errBodyWithheld}
							return
						}
					case <-time.After(continueWait):
					}
				}
				_, err = io.WriteString(cn, req.Body)
			}
			writeDone <- written{time.Since(start), err}
		}()
	}
	var w written
	gotWrite := false
	defer func() {
		if !gotWrite {
			select {
			case w = <-writeDone:
			default:
				// Only a body can still be on its way: wait a moment for a
				// write the kernel has taken, then give up on it.
				timer := time.NewTimer(writerGrace)
				select {
				case w = <-writeDone:
					timer.Stop()
				case <-timer.C:
					cn.Close() // the server answered without reading it all
					w = <-writeDone
					reusable = false
				}
			}
		}
		ex.Timings.SentMS = ms(w.at)
		if w.err != nil {
			reusable = false
		}
	}()

	consumed := 0
	for {
		resp, err := http.ReadResponse(cn.br, &http.Request{Method: req.Method})
		if err != nil {
			// A write that failed first is the better explanation (the
			// server closed before taking the request).
			select {
			case w = <-writeDone:
				gotWrite = true
			case <-time.After(10 * time.Millisecond):
			}
			if len(ex.Interim) == 0 && cn.rec.n == 0 {
				if gotWrite && w.err != nil && !errors.Is(w.err, errBodyWithheld) {
					err = w.err
				}
				ex.Error, ex.Failure = describe(err, "no response")
			} else {
				ex.Error, ex.Failure = describe(err, "the response broke off")
			}
			break
		}
		end := cn.rec.n - cn.br.Buffered()
		wr := parseHead(cn.rec.slice(consumed, end))
		if resp.StatusCode >= 200 || resp.StatusCode == http.StatusSwitchingProtocols {
			cn.rec.keeping = false // the heads are kept; the body is read, not recorded
		}
		wr.Status = resp.StatusCode
		wr.AtMS = ms(time.Since(start))
		consumed = end
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			ex.Interim = append(ex.Interim, wr)
			if resp.StatusCode == http.StatusContinue {
				signal(proceed, true)
			}
			continue
		}
		signal(proceed, resp.StatusCode < 300)
		complete := false
		if resp.StatusCode != http.StatusSwitchingProtocols {
			var err error
			complete, err = c.readBody(&wr, resp.Body)
			if err != nil {
				wr.Incomplete = true
				ex.Error, ex.Failure = describe(err, "the body broke off after "+strconv.FormatInt(wr.BodyBytes, 10)+" bytes")
			}
		}
		if complete {
			// Nothing is pipelined, so any byte already here is past
			// the message's end.
			wr.Excess = int64(cn.br.Buffered())
		}
		ex.Response = &wr
		reusable = complete && !resp.Close && resp.StatusCode != http.StatusSwitchingProtocols && cn.br.Buffered() == 0
		break
	}
	signal(proceed, false)
	ex.FirstByteMS = ms(cn.rec.first)
	ex.TotalMS = ms(time.Since(start))
	ex.Timings.FirstByteMS, ex.Timings.TotalMS = ex.FirstByteMS, ex.TotalMS
	return reusable && ex.Error == ""
}

// writerGrace is how long a finished exchange waits for its request
// writer to report: a write the kernel has taken returns at once, but the
// goroutine may not have run yet on a busy machine.
const writerGrace = 200 * time.Millisecond

// written is what the request writer reports: when it finished and how.
type written struct {
	at  time.Duration
	err error
}

// errBodyWithheld is the writer's note that the body was not sent
// because the server answered before asking for it.
var errBodyWithheld = errors.New("body withheld")

// signal offers v without blocking; only the first value counts.
func signal(ch chan bool, v bool) {
	select {
	case ch <- v:
	default:
	}
}

// requestTarget is the origin-form target of u: path and query.
func requestTarget(u *url.URL) string {
	t := u.RequestURI()
	if t == "" {
		t = "/"
	}
	return t
}

// hostHeader is the Host field for u: the host, and the port unless it
// is the scheme's default.
func hostHeader(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == "" || port == "80" && u.Scheme == "http" || port == "443" && u.Scheme == "https" {
		return host
	}
	return host + ":" + port
}

// Head is the request line and header section the engine sends for req,
// and its header fields in order: Host first, User-Agent when req has
// none and userAgent is set, req's fields, then Content-Length when there
// is a body (or the method expects one).
func Head(req Request, userAgent string) (string, []Field) {
	fields := []Field{{"Host", hostHeader(req.URL)}}
	hasUA := false
	for _, h := range req.Header {
		hasUA = hasUA || strings.EqualFold(h.Name, "User-Agent")
	}
	if !hasUA && userAgent != "" {
		fields = append(fields, Field{"User-Agent", userAgent})
	}
	fields = append(fields, req.Header...)
	if req.Body != "" || req.Method == http.MethodPost || req.Method == http.MethodPut || req.Method == http.MethodPatch {
		fields = append(fields, Field{"Content-Length", strconv.Itoa(len(req.Body))})
	}
	var b strings.Builder
	b.WriteString(req.Method + " " + requestTarget(req.URL) + " HTTP/1.1\r\n")
	for _, f := range fields {
		b.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String(), fields
}

// parseHead splits a received status line and header section, keeping
// the order and spelling of the fields.
func parseHead(raw []byte) Response {
	text := strings.TrimRight(string(raw), "\r\n")
	lines := strings.Split(text, "\n")
	wr := Response{Raw: string(raw), Headers: []Field{}}
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		if i == 0 {
			wr.StatusLine = line
			proto, rest, _ := strings.Cut(line, " ")
			_, reason, _ := strings.Cut(rest, " ")
			wr.Proto, wr.Reason = proto, reason
			continue
		}
		name, value, _ := strings.Cut(line, ":")
		wr.Headers = append(wr.Headers, Field{name, strings.TrimSpace(value)})
	}
	return wr
}

// readBody reads the response body into wr: the first ShowBody bytes as
// text (base64 when they are not UTF-8), up to ReadBody more only
// counted. complete says the body was read to its end.
func (c *Client) readBody(wr *Response, body io.Reader) (complete bool, err error) {
	show, read := c.ShowBody, c.ReadBody
	if show <= 0 {
		show = DefaultShowBody
	}
	if read <= 0 {
		read = DefaultReadBody
	}
	shown, err := io.ReadAll(io.LimitReader(body, show))
	wr.BodyBytes = int64(len(shown))
	if err == nil {
		var rest int64
		rest, err = io.Copy(io.Discard, io.LimitReader(body, read))
		wr.BodyBytes += rest
		wr.BodyTruncated = rest > 0
		if err == nil {
			var one [1]byte
			n, _ := io.ReadFull(body, one[:])
			complete = n == 0
			wr.BodyCut = n > 0
			wr.BodyTruncated = wr.BodyTruncated || wr.BodyCut
		}
	}
	if utf8.Valid(shown) {
		wr.Body = string(shown)
	} else {
		wr.Body, wr.BodyBase64 = base64.StdEncoding.EncodeToString(shown), true
	}
	return complete, err
}

// recorder keeps the bytes read from a connection (the first keepRaw of
// each exchange) so that response heads can be shown as sent, and notes
// when the first byte arrived.
type recorder struct {
	r       io.Reader
	start   time.Time
	buf     []byte
	keeping bool          // recording; off once the final head is read
	n       int           // bytes read in this exchange
	first   time.Duration // when the first byte of this exchange arrived
}

func (rr *recorder) reset(start time.Time) {
	rr.start, rr.buf, rr.n, rr.first, rr.keeping = start, rr.buf[:0], 0, 0, true
}

func (rr *recorder) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	if n > 0 {
		if rr.n == 0 {
			rr.first = time.Since(rr.start)
		}
		if keep := min(n, keepRaw-len(rr.buf)); keep > 0 && rr.keeping {
			rr.buf = append(rr.buf, p[:keep]...)
		}
		rr.n += n
	}
	return n, err
}

func (rr *recorder) slice(from, to int) []byte {
	from, to = min(from, len(rr.buf)), min(to, len(rr.buf))
	return rr.buf[from:to]
}

// ms is d in milliseconds, to the microsecond.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Milliseconds is d as the engine reports times: milliseconds, to the
// microsecond.
func Milliseconds(d time.Duration) float64 { return ms(d) }

// poolKey identifies the connections one request may reuse.
func poolKey(u *url.URL) string { return u.Scheme + "://" + hostHeader(u) }
