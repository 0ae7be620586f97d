package server

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golang.org/x/net/http/httpguts"
)

// The inspector performs one request against this server's own test
// service and reports the exchange as it went over the wire: the request
// bytes, every 1xx interim response, the final response, the body, timing,
// and each redirect hop. Browsers hide most of that from fetch(), which is
// why the tester needs it.
//
// It never dials anything. Each exchange runs over an in-memory pipe
// served by an http.Server of its own (the same routes, minus the per-IP
// rate limit, which the request that asked for the inspection has already
// paid). So whatever path or Location it is given, it can only ever reach
// this service: there is no way to point it at another host.

// Limits of one inspection.
const (
	inspectMaxRedirects = 10
	inspectMaxHeaders   = 50
	inspectMaxBody      = 64 << 10 // request body sent
	inspectShowBody     = 64 << 10 // response body reported
	inspectReadBody     = 8 << 20  // response body read (and counted) at most
	inspectKeepRaw      = 256 << 10
	inspectGrace        = 20 * time.Second // on top of MaxDelay, for the whole inspection
	inspectContinueWait = time.Second      // how long an Expect: 100-continue body waits
)

// inspectRequest is what to send: the body of POST /api/v1/inspect, or
// what the tester's form describes.
type inspectRequest struct {
	Method          string        `json:"method"`
	Path            string        `json:"path"`
	Headers         []headerField `json:"headers"`
	Body            string        `json:"body"`
	FollowRedirects *bool         `json:"follow_redirects"`
}

// headerField is one header line, in the order and spelling sent.
type headerField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// inspectReport is the answer: what happened, hop by hop.
type inspectReport struct {
	Method    string     `json:"method"`
	URL       string     `json:"url"`
	Curl      string     `json:"curl"`
	Status    int        `json:"status"` // the last final status, 0 when none arrived
	Redirects int        `json:"redirects"`
	TotalMS   float64    `json:"total_ms"`
	Error     string     `json:"error,omitempty"` // why the inspection stopped early
	Exchanges []exchange `json:"exchanges"`
}

// exchange is one request on one connection and what came back.
type exchange struct {
	Request     wireRequest    `json:"request"`
	Interim     []wireResponse `json:"interim"`
	Response    *wireResponse  `json:"response,omitempty"`
	FirstByteMS float64        `json:"first_byte_ms"`
	TotalMS     float64        `json:"total_ms"`
	Redirect    *redirectHop   `json:"redirect,omitempty"`
	Error       string         `json:"error,omitempty"`
}

type wireRequest struct {
	Method  string        `json:"method"`
	Target  string        `json:"target"`
	Headers []headerField `json:"headers"`
	Raw     string        `json:"raw"` // request line and header section as sent
	Body    string        `json:"body,omitempty"`
}

type wireResponse struct {
	StatusLine    string        `json:"status_line"`
	Status        int           `json:"status"`
	Headers       []headerField `json:"headers"`
	Raw           string        `json:"raw"` // status line and header section as received
	AtMS          float64       `json:"at_ms"`
	Body          string        `json:"body,omitempty"`
	BodyBase64    bool          `json:"body_base64,omitempty"`
	BodyBytes     int64         `json:"body_bytes"`
	BodyTruncated bool          `json:"body_truncated,omitempty"`
}

// redirectHop says where a 3xx pointed and whether it was followed.
type redirectHop struct {
	Location string `json:"location"`
	Next     string `json:"next,omitempty"` // the target requested next
	Method   string `json:"method,omitempty"`
	Followed bool   `json:"followed"`
	Reason   string `json:"reason,omitempty"` // why not followed
}

// follows reports whether redirects are to be followed (the default).
func (q inspectRequest) follows() bool { return q.FollowRedirects == nil || *q.FollowRedirects }

// forbiddenInspectHeaders are headers the inspector writes itself.
var forbiddenInspectHeaders = map[string]string{
	"Host":              "the inspector always calls this server, under the host you reached it by",
	"Content-Length":    "the inspector frames the body itself",
	"Transfer-Encoding": "the inspector frames the body itself",
}

// validate checks an inspection request and fills in the default method.
func (q *inspectRequest) validate() error {
	if q.Method == "" {
		q.Method = http.MethodGet
	}
	if len(q.Method) > 20 || !httpguts.ValidHeaderFieldName(q.Method) {
		return fmt.Errorf("method %q is not an HTTP method token", clip(q.Method))
	}
	if q.Path == "" {
		return errors.New("path is required: the path and query to request on this server, such as /status/418")
	}
	if !strings.HasPrefix(q.Path, "/") || strings.HasPrefix(q.Path, "//") {
		return fmt.Errorf("path %q must start with a single /: the inspector only requests paths on this server, never other URLs", clip(q.Path))
	}
	for _, c := range []byte(q.Path) {
		if c <= ' ' || c == 0x7f || c == '#' {
			return fmt.Errorf("path %q has a space, control character or #; percent-encode it", clip(q.Path))
		}
	}
	u, err := url.ParseRequestURI(q.Path)
	if err != nil {
		return fmt.Errorf("path %q is not a valid request target: %v", clip(q.Path), err)
	}
	if u.Path == "/api/v1/inspect" {
		return errors.New("the inspector does not inspect itself")
	}
	if len(q.Headers) > inspectMaxHeaders {
		return fmt.Errorf("%d headers; at most %d are allowed", len(q.Headers), inspectMaxHeaders)
	}
	for _, h := range q.Headers {
		if !httpguts.ValidHeaderFieldName(h.Name) {
			return fmt.Errorf("header name %q is not a valid field name", clip(h.Name))
		}
		if !httpguts.ValidHeaderFieldValue(h.Value) {
			return fmt.Errorf("header %s has a value with control characters", clip(h.Name))
		}
		if why, bad := forbiddenInspectHeaders[http.CanonicalHeaderKey(h.Name)]; bad {
			return fmt.Errorf("header %s cannot be set: %s", http.CanonicalHeaderKey(h.Name), why)
		}
	}
	if len(q.Body) > inspectMaxBody {
		return fmt.Errorf("body is %d bytes; at most %d are allowed", len(q.Body), inspectMaxBody)
	}
	return nil
}

// inspectOrigin is how the caller reached this server: the host and
// scheme they used (for absolute URLs and the curl command) and the
// addresses the in-memory connection reports to handlers.
type inspectOrigin struct {
	scheme, host   string
	local, remote  net.Addr
	clientIdentity string
}

// The report names what was really requested: --public-url when set, else
// the address the caller's connection reached. Never the caller's Host
// header, which can name another server (another port, another name)
// whose answers this server does not give.
func (s *server) originOf(r *http.Request) inspectOrigin {
	o := inspectOrigin{scheme: "http", host: localAddress(r)}
	if r.TLS != nil {
		o.scheme = "https"
	}
	if s.publicURL != "" {
		u, _ := url.Parse(s.publicURL)
		o.scheme, o.host = u.Scheme, u.Host
	}
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		o.local = a
	} else {
		o.local = memAddr("httpstatus")
	}
	o.remote = memAddr(net.JoinHostPort(s.clientIP(r), "0"))
	return o
}

// inspect performs q (already validated) and reports it.
func (s *server) inspect(ctx context.Context, q inspectRequest, o inspectOrigin) inspectReport {
	start := time.Now()
	deadline := start.Add(s.opts.MaxDelay + inspectGrace)
	base := &url.URL{Scheme: o.scheme, Host: o.host}
	rep := inspectReport{Method: q.Method, URL: base.String() + q.Path, Exchanges: []exchange{}}
	rep.Curl = curlCommand(q, rep.URL)
	cur := q
	for {
		ex := s.exchangeOnce(ctx, cur, o, deadline)
		rep.Exchanges = append(rep.Exchanges, ex)
		last := &rep.Exchanges[len(rep.Exchanges)-1]
		if ex.Response != nil {
			rep.Status = ex.Response.Status
		}
		if ex.Error != "" {
			rep.Error = ex.Error
			break
		}
		next, ok := nextHop(last, cur, base, q.follows())
		if !ok {
			break
		}
		if rep.Redirects == inspectMaxRedirects {
			last.Redirect.Followed, last.Redirect.Reason = false, fmt.Sprintf("stopped after %d redirects", inspectMaxRedirects)
			rep.Error = last.Redirect.Reason
			break
		}
		rep.Redirects++
		cur = next
	}
	rep.TotalMS = ms(time.Since(start))
	return rep
}

// nextHop decides whether the response in ex redirects to another request
// on this server, the way curl -L and browsers do: 303 (and 301/302 after
// POST) turn into GET without a body, 307 and 308 repeat the request.
func nextHop(ex *exchange, cur inspectRequest, base *url.URL, follow bool) (inspectRequest, bool) {
	resp := ex.Response
	switch resp.Status {
	case 301, 302, 303, 307, 308:
	default:
		return cur, false
	}
	loc := ""
	for _, h := range resp.Headers {
		if strings.EqualFold(h.Name, "Location") {
			loc = h.Value
			break
		}
	}
	if loc == "" {
		return cur, false
	}
	hop := &redirectHop{Location: loc}
	ex.Redirect = hop
	if !follow {
		hop.Reason = "following redirects is off"
		return cur, false
	}
	here, err := base.Parse(cur.Path)
	if err != nil {
		hop.Reason = "the current URL does not parse"
		return cur, false
	}
	to, err := here.Parse(loc)
	if err != nil {
		hop.Reason = fmt.Sprintf("Location does not parse: %v", err)
		return cur, false
	}
	if !strings.EqualFold(to.Host, base.Host) || (to.Scheme != "http" && to.Scheme != "https") {
		hop.Reason = "it points at another host; the inspector only calls this server"
		return cur, false
	}
	next := cur
	next.Path = to.RequestURI()
	if resp.Status == 303 && cur.Method != http.MethodHead || (resp.Status == 301 || resp.Status == 302) && cur.Method == http.MethodPost {
		next.Method, next.Body = http.MethodGet, ""
		next.Headers = nil
		for _, h := range cur.Headers {
			if !strings.EqualFold(h.Name, "Content-Type") {
				next.Headers = append(next.Headers, h)
			}
		}
	}
	hop.Next, hop.Method, hop.Followed = next.Path, next.Method, true
	return next, true
}

// exchangeOnce sends one request over a fresh in-memory connection to the
// service and reads everything that comes back.
func (s *server) exchangeOnce(ctx context.Context, q inspectRequest, o inspectOrigin, deadline time.Time) (ex exchange) {
	client, serverEnd := newMemPipe(o.local, o.remote)
	go s.inner.Serve(newOneConnListener(serverEnd))
	defer client.Close()
	client.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { client.Close() })
	defer stop()

	head, headers := requestHead(q, o.host)
	ex.Interim = []wireResponse{}
	ex.Request = wireRequest{Method: q.Method, Target: q.Path, Headers: headers, Raw: head, Body: q.Body}
	expectContinue := false
	for _, h := range q.Headers {
		expectContinue = expectContinue || strings.EqualFold(h.Name, "Expect") && strings.EqualFold(strings.TrimSpace(h.Value), "100-continue")
	}

	start := time.Now()
	rec := &recordingReader{r: client, start: start}
	br := bufio.NewReader(rec)
	proceed := make(chan bool, 1) // true: send the body; false: do not
	writeDone := make(chan struct{})
	go func() {
		defer close(writeDone)
		if _, err := io.WriteString(client, head); err != nil || q.Body == "" {
			return
		}
		if expectContinue {
			select {
			case ok := <-proceed:
				if !ok {
					return
				}
			case <-time.After(inspectContinueWait):
			}
		}
		io.WriteString(client, q.Body)
	}()
	defer func() {
		client.Close()
		<-writeDone
	}()

	consumed := 0
	for {
		resp, err := http.ReadResponse(br, &http.Request{Method: q.Method})
		if err != nil {
			if len(ex.Interim) == 0 && rec.n == 0 {
				ex.Error = "no response: " + describeReadError(err)
			} else {
				ex.Error = "the response broke off: " + describeReadError(err)
			}
			break
		}
		end := rec.n - br.Buffered()
		wr := parseHead(rec.slice(consumed, end))
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
		if resp.StatusCode != http.StatusSwitchingProtocols {
			if err := readBody(&wr, resp.Body); err != nil {
				ex.Error = "the body broke off after " + strconv.FormatInt(wr.BodyBytes, 10) + " bytes: " + describeReadError(err)
			}
		}
		ex.Response = &wr
		break
	}
	signal(proceed, false)
	ex.FirstByteMS = ms(rec.first)
	ex.TotalMS = ms(time.Since(start))
	return ex
}

// signal offers v without blocking; only the first value counts.
func signal(ch chan bool, v bool) {
	select {
	case ch <- v:
	default:
	}
}

// requestHead writes the request line and header section the inspector
// sends, and lists the header fields in order.
func requestHead(q inspectRequest, host string) (string, []headerField) {
	fields := []headerField{{"Host", host}}
	hasUA := false
	for _, h := range q.Headers {
		hasUA = hasUA || strings.EqualFold(h.Name, "User-Agent")
	}
	if !hasUA {
		fields = append(fields, headerField{"User-Agent", "httpstatus-inspect/1"})
	}
	fields = append(fields, q.Headers...)
	if q.Body != "" || q.Method == http.MethodPost || q.Method == http.MethodPut || q.Method == http.MethodPatch {
		fields = append(fields, headerField{"Content-Length", strconv.Itoa(len(q.Body))})
	}
	var b strings.Builder
	b.WriteString(q.Method + " " + q.Path + " HTTP/1.1\r\n")
	for _, f := range fields {
		b.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String(), fields
}

// parseHead splits a received status line and header section, keeping
// the order and spelling of the fields.
func parseHead(raw []byte) wireResponse {
	text := strings.TrimRight(string(raw), "\r\n")
	lines := strings.Split(text, "\n")
	wr := wireResponse{Raw: string(raw), Headers: []headerField{}}
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		if i == 0 {
			wr.StatusLine = line
			continue
		}
		name, value, _ := strings.Cut(line, ":")
		wr.Headers = append(wr.Headers, headerField{name, strings.TrimSpace(value)})
	}
	return wr
}

// readBody reads the response body into wr: the first inspectShowBody
// bytes as text (base64 when they are not UTF-8), the rest only counted.
func readBody(wr *wireResponse, body io.Reader) error {
	shown, err := io.ReadAll(io.LimitReader(body, inspectShowBody))
	wr.BodyBytes = int64(len(shown))
	if err == nil {
		var rest int64
		rest, err = io.Copy(io.Discard, io.LimitReader(body, inspectReadBody))
		wr.BodyBytes += rest
		wr.BodyTruncated = rest > 0
	}
	if utf8.Valid(shown) {
		wr.Body = string(shown)
	} else {
		wr.Body, wr.BodyBase64 = base64.StdEncoding.EncodeToString(shown), true
	}
	return err
}

// describeReadError turns what the connection did into words.
func describeReadError(err error) string {
	switch {
	case errors.Is(err, errPeerReset):
		return "the server reset the connection"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the server closed the connection before the message was complete"
	case isTimeout(err):
		return "timed out"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrClosedPipe), errors.Is(err, net.ErrClosed):
		return "the server closed the connection"
	}
	return err.Error()
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// curlCommand is the same request as a curl command line.
func curlCommand(q inspectRequest, fullURL string) string {
	parts := []string{"curl", "-i"}
	if q.follows() {
		parts = append(parts, "-L")
	}
	switch {
	case q.Method == http.MethodHead:
		parts = append(parts, "--head")
	case q.Method != http.MethodGet && !(q.Method == http.MethodPost && q.Body != ""):
		parts = append(parts, "-X", q.Method)
	}
	for _, h := range q.Headers {
		parts = append(parts, "-H", shellQuote(h.Name+": "+h.Value))
	}
	if q.Body != "" {
		parts = append(parts, "--data-binary", shellQuote(q.Body))
	}
	return strings.Join(append(parts, shellQuote(fullURL)), " ")
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@%+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// recordingReader keeps the bytes read from the connection (the first
// inspectKeepRaw of them) so that response heads can be shown as sent.
type recordingReader struct {
	r     io.Reader
	start time.Time
	buf   []byte
	n     int           // bytes read in all
	first time.Duration // when the first byte arrived
}

func (rr *recordingReader) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	if n > 0 {
		if rr.n == 0 {
			rr.first = time.Since(rr.start)
		}
		if keep := min(n, inspectKeepRaw-len(rr.buf)); keep > 0 {
			rr.buf = append(rr.buf, p[:keep]...)
		}
		rr.n += n
	}
	return n, err
}

func (rr *recordingReader) slice(from, to int) []byte {
	from, to = min(from, len(rr.buf)), min(to, len(rr.buf))
	return rr.buf[from:to]
}

// errPeerReset is what the client end of a memory pipe reads after the
// service reset the connection (fault=reset).
var errPeerReset = errors.New("connection reset by peer")

// memAddr is an address of an in-memory connection.
type memAddr string

func (a memAddr) Network() string { return "memory" }
func (a memAddr) String() string  { return string(a) }

// memConn is one end of an in-memory connection. The service's end
// reports the caller's addresses, so handlers see the same client as the
// request that asked for the inspection; SetLinger(0) marks a reset that
// the other end then reads as errPeerReset.
type memConn struct {
	net.Conn
	local, remote net.Addr
	reset         *atomic.Bool
	closeOnce     sync.Once
	closed        chan struct{}
}

func newMemPipe(local, remote net.Addr) (client, server *memConn) {
	c, s := net.Pipe()
	reset := new(atomic.Bool)
	client = &memConn{Conn: c, local: remote, remote: local, reset: reset, closed: make(chan struct{})}
	server = &memConn{Conn: s, local: local, remote: remote, reset: reset, closed: make(chan struct{})}
	return client, server
}

func (c *memConn) LocalAddr() net.Addr  { return c.local }
func (c *memConn) RemoteAddr() net.Addr { return c.remote }

func (c *memConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil && c.reset.Load() {
		err = errPeerReset
	}
	return n, err
}

// SetLinger(0) is how the service resets a connection.
func (c *memConn) SetLinger(sec int) error {
	if sec == 0 {
		c.reset.Store(true)
	}
	return nil
}

func (c *memConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// oneConnListener hands one connection to http.Server.Serve, then blocks
// until that connection closes, so that Serve returns once it is done.
type oneConnListener struct {
	conn *memConn
	once sync.Once
}

func newOneConnListener(c *memConn) *oneConnListener { return &oneConnListener{conn: c} }

func (l *oneConnListener) Accept() (net.Conn, error) {
	var c net.Conn
	l.once.Do(func() { c = l.conn })
	if c != nil {
		return c, nil
	}
	<-l.conn.closed
	return nil, net.ErrClosed
}

func (l *oneConnListener) Close() error   { return nil }
func (l *oneConnListener) Addr() net.Addr { return l.conn.local }

// newInnerServer is the http.Server the inspector's connections are
// served by: the routes without the rate limit, marked so that the
// tester does not run inspections from inside one.
func (s *server) newInnerServer(routes http.Handler) *http.Server {
	return &http.Server{
		Handler:           s.middleware(routes, nil),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
		ConnContext: func(ctx context.Context, _ net.Conn) context.Context {
			return context.WithValue(ctx, insideInspectionKey{}, true)
		},
	}
}

// insideInspectionKey marks the context of requests the inspector makes.
type insideInspectionKey struct{}

func insideInspection(r *http.Request) bool {
	v, _ := r.Context().Value(insideInspectionKey{}).(bool)
	return v
}

// handleInspect is POST /api/v1/inspect.
func (s *server) handleInspect(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodPost) || !s.onlyParams(w, r) {
		return
	}
	if insideInspection(r) {
		s.fail(w, r, http.StatusBadRequest, "the inspector does not inspect itself")
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "application/json") {
		w.Header().Set("Accept-Post", "application/json")
		s.fail(w, r, http.StatusUnsupportedMediaType, "send the request as JSON (Content-Type: application/json), not %q", clip(ct))
		return
	}
	var q inspectRequest
	if err := decodeStrictJSON(r.Body, &q); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "the request body is over %d bytes", tooBig.Limit)
			return
		}
		s.fail(w, r, http.StatusBadRequest, "the body is not an inspection request: %v", err)
		return
	}
	if err := q.validate(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "%v", err)
		return
	}
	rep := s.inspect(r.Context(), q, s.originOf(r))
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, rep)
}

// decodeStrictJSON decodes exactly one JSON value into v, refusing
// unknown fields so that a misspelt option is reported, not ignored.
func decodeStrictJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON value")
	}
	return nil
}
