package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus/internal/exchange"
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
	inspectMaxBody      = 64 << 10         // request body sent
	inspectShowBody     = 64 << 10         // response body reported
	inspectReadBody     = 8 << 20          // response body read (and counted) at most
	inspectGrace        = 20 * time.Second // on top of MaxDelay, for the whole inspection
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
type headerField = exchange.Field

// inspectReport is the answer: what happened, hop by hop, and what the
// linter finds wrong with each response.
type inspectReport struct {
	Method    string      `json:"method"`
	URL       string      `json:"url"`
	Curl      string      `json:"curl"`
	Status    int         `json:"status"` // the last final status, 0 when none arrived
	Redirects int         `json:"redirects"`
	TotalMS   float64     `json:"total_ms"`
	Error     string      `json:"error,omitempty"` // why the inspection stopped early
	Exchanges []hopReport `json:"exchanges"`
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
	scheme, host  string
	local, remote net.Addr
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
		o.scheme, o.host, _ = strings.Cut(s.publicURL, "://") // ParsePublicURL made it scheme://host
	}
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		o.local = a
	} else {
		o.local = exchange.MemAddr("httpstatus")
	}
	o.remote = exchange.MemAddr(net.JoinHostPort(s.clientIP(r), "0"))
	return o
}

// inspect performs q (already validated) and reports it. Every exchange
// goes over an in-memory connection to the inner server; redirects are
// followed only on this server's own host.
func (s *server) inspect(ctx context.Context, q inspectRequest, o inspectOrigin) inspectReport {
	ctx, cancel := context.WithTimeout(ctx, s.opts.MaxDelay+inspectGrace)
	defer cancel()
	base := &url.URL{Scheme: o.scheme, Host: o.host}
	target, _ := base.Parse(q.Path) // validate has checked q.Path
	rep := inspectReport{Method: q.Method, URL: target.String()}
	rep.Curl = curlCommand(q, rep.URL)
	client := &exchange.Client{
		Dialer:    &exchange.MemoryDialer{Server: s.inner, Local: o.local, Remote: o.remote, Listener: s.innerWire},
		UserAgent: inspectUserAgent,
		ShowBody:  inspectShowBody,
		ReadBody:  inspectReadBody,
	}
	chain := client.Follow(ctx, exchange.Request{Method: q.Method, URL: target, Header: q.Headers, Body: q.Body}, exchange.Policy{
		Follow:       q.follows(),
		MaxRedirects: inspectMaxRedirects,
		Allow: func(_, to *url.URL) string {
			if !strings.EqualFold(to.Host, base.Host) {
				return "it points at another host; the inspector only calls this server"
			}
			return ""
		},
	})
	rep.Status, rep.Redirects, rep.Error, rep.TotalMS = chain.Status, chain.Redirects, chain.Error, chain.TotalMS
	rep.Exchanges = lintedHops(&chain)
	return rep
}

// inspectUserAgent is sent when the request names no User-Agent.
const inspectUserAgent = "httpstatus-inspect/1"

// requestHead is the request line and header section the inspector sends
// for q to host.
func requestHead(q inspectRequest, host string) (string, []headerField) {
	u, _ := url.Parse("http://" + host + q.Path)
	return exchange.Head(exchange.Request{Method: q.Method, URL: u, Header: q.Headers, Body: q.Body}, inspectUserAgent)
}

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

// newInnerServer is the http.Server the inspector's connections are
// served by: the routes without the rate limit, marked so that the
// tester does not run inspections from inside one.
func (s *server) newInnerServer(routes http.Handler) (*http.Server, func(net.Listener) net.Listener) {
	srv := &http.Server{
		Handler:           s.middleware(routes, nil),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
		ConnContext: func(ctx context.Context, _ net.Conn) context.Context {
			return context.WithValue(ctx, insideInspectionKey{}, true)
		},
	}
	return srv, Install(srv)
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
	var q inspectRequest
	if !s.decodeJSONRequest(w, r, &q, "an inspection request") {
		return
	}
	if err := q.validate(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "%v", err)
		return
	}
	rep := s.inspect(r.Context(), q, s.originOf(r))
	// The report names this server absolutely; so do the links to the
	// pages of the codes it finds fault with.
	absoluteLinks(rep.Exchanges, s.selfURL(r))
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, rep)
}

// decodeJSONRequest reads the JSON body of an API request into v,
// answering what is wrong itself (415 for another media type, 413, 400
// naming the field or the syntax error); what is the request's name in
// those answers.
func (s *server) decodeJSONRequest(w http.ResponseWriter, r *http.Request, v any, what string) bool {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "application/json") {
		w.Header().Set("Accept-Post", "application/json")
		s.fail(w, r, http.StatusUnsupportedMediaType, "send the request as JSON (Content-Type: application/json), not %q", clip(ct))
		return false
	}
	if err := decodeStrictJSON(r.Body, v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "the request body is over %d bytes", tooBig.Limit)
			return false
		}
		s.fail(w, r, http.StatusBadRequest, "the body is not %s: %v", what, err)
		return false
	}
	return true
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
