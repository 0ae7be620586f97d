// Package server is the httpstatus HTTP service: the test service that
// answers any status code the way the catalogue says a correct server
// would, httpbin-compatible endpoints, and endpoints that produce codes for
// their real reason. [NewServer] builds the handler; routes.go lists every
// URL it answers.
package server

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/internal/wire"
)

// Options configures the service. A zero field takes the default given in
// its comment; Defaults returns them all filled in.
type Options struct {
	// MaxDelay bounds sleep=, /delay and dribbling (default 10s). Longer
	// requests are refused with 400, never silently capped.
	MaxDelay time.Duration
	// MaxBodyBytes bounds request bodies and /upload (default 1 MiB).
	MaxBodyBytes int64
	// MaxURIBytes is the longest request target answered; longer ones get
	// 414 (default 200 KiB: room for a 64 KiB body= even percent-encoded).
	MaxURIBytes int
	// MaxHeaderBytes is the largest request header section answered;
	// larger ones get 431 (default 16 KiB).
	MaxHeaderBytes int
	// AllowRedirectHosts lists the hosts that location= and /redirect-to
	// may point at; relative URLs are always allowed.
	AllowRedirectHosts []string
	// RateLimit is requests per second per client IP; 0 turns limiting off
	// (the default, so local load tests are never throttled).
	RateLimit float64
	// RateBurst is the token bucket's size (default 2×RateLimit, at least 1).
	RateBurst int
	// TrustProxy makes the client IP come from X-Forwarded-For or
	// Forwarded; only set it behind a proxy that overwrites them.
	TrustProxy bool
	// MaxSleepers bounds requests sleeping at once; more get 503 with
	// Retry-After (default 1000).
	MaxSleepers int
	// PublicURL is the scheme and host clients reach the service by
	// ("https://status.example"): absolute URLs the service sends (the
	// Location of /absolute-redirect) and reports are built from it, never
	// from the Host header. It must pass ParsePublicURL (NewServer panics
	// otherwise). Empty: a checked Host header is used.
	PublicURL string
	// MaxWebSockets bounds the WebSocket echo sessions open at once (each
	// holds a connection for up to 5 minutes); more get 503 with a
	// Retry-After saying when the oldest must end (default 500).
	MaxWebSockets int
	// CheckOff removes the URL checker (/check and /api/v1/check).
	CheckOff bool
	// CheckPrivate lets the checker reach loopback, private and
	// link-local addresses: for a server on your own machine only.
	CheckPrivate bool
	// CheckRate is the checks per minute one client may run (default 10,
	// with a burst of 5).
	CheckRate float64
	// Logger receives the service's logs (default: discard).
	Logger *slog.Logger
	// LogRequests logs one line per request at Info level.
	LogRequests bool
}

// Defaults returns o with every zero field set to its default.
func (o Options) Defaults() Options {
	if o.MaxDelay <= 0 {
		o.MaxDelay = 10 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.MaxURIBytes <= 0 {
		o.MaxURIBytes = 200 << 10
	}
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = 16 << 10
	}
	if o.RateBurst <= 0 {
		o.RateBurst = max(1, int(2*o.RateLimit))
	}
	if o.MaxSleepers <= 0 {
		o.MaxSleepers = 1000
	}
	if o.CheckRate <= 0 {
		o.CheckRate = 10
	}
	if o.MaxWebSockets <= 0 {
		o.MaxWebSockets = 500
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// server holds what the handlers share. Costly things (the rate limiters,
// the route table) are built once in NewServer.
type server struct {
	opts       Options
	publicURL  string // Options.PublicURL, normalised; "" when not set
	log        *slog.Logger
	sleepers   atomic.Int64
	websockets *sessionSlots // the --max-websockets places
	// The URL checker's guard against internal addresses, its per-client
	// rate and its places.
	guard         *exchange.Guard
	checkLimiter  *ipLimiter
	checksRunning chan struct{}
	limiter       *ipLimiter                      // nil when --rate-limit is 0
	windows       *windowCounts                   // /ratelimit's per-key counters
	handler       http.Handler                    // the routes inside the middleware
	inner         *http.Server                    // serves the inspector's in-memory connections
	innerWire     func(net.Listener) net.Listener // inner's wire layer
	codes         *[600]*codeInfo
	api           *catalogueAPI // the JSON API's answers, rendered once
	site          *site         // the reference site's pages, rendered once
}

// NewServer returns the whole httpstatus service as one handler.
func NewServer(opts Options) http.Handler {
	return newServer(opts).handler
}

func newServer(opts Options) *server {
	opts = opts.Defaults()
	s := &server{opts: opts, log: opts.Logger, windows: newWindowCounts(10000), websockets: newSessionSlots(opts.MaxWebSockets), codes: buildCodeTable(), api: buildCatalogueAPI(), site: buildSite()}
	s.guard = &exchange.Guard{}
	s.checkLimiter = newIPLimiter(opts.CheckRate/60, 5, 10000)
	s.checksRunning = make(chan struct{}, checkMaxRunning)
	if opts.PublicURL != "" {
		base, err := ParsePublicURL(opts.PublicURL)
		if err != nil {
			panic("server.NewServer: Options.PublicURL: " + err.Error())
		}
		s.publicURL = base
	}
	if opts.RateLimit > 0 {
		s.limiter = newIPLimiter(opts.RateLimit, opts.RateBurst, 10000)
	}
	mux := http.NewServeMux()
	s.addRoutes(mux)
	s.handler = s.middleware(mux, s.limiter)
	s.inner, s.innerWire = s.newInnerServer(mux)
	return s
}

// errorBody is the one error shape of the whole service.
type errorBody struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
	Detail string `json:"detail"`
}

// fail answers with the service's own error: JSON by default, plain text
// when the client prefers text/plain. It is for errors the service raises
// (bad parameters, limits), never for the codes users ask for.
func (s *server) fail(w http.ResponseWriter, r *http.Request, code int, format string, args ...any) {
	detail := fmt.Sprintf(format, args...)
	phrase := httpstatus.Text(code)
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if prefersText(r) {
		h.Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "%d %s: %s\n", code, phrase, detail)
		return
	}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(code)
	b, _ := json.Marshal(errorBody{Status: code, Error: phrase, Detail: detail})
	w.Write(append(b, '\n'))
}

// prefersText reports whether the client ranks text/plain above JSON.
func prefersText(r *http.Request) bool {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return false
	}
	return negotiate(accept, []string{"application/json", "text/plain"}) == "text/plain"
}

// knownMethods are the methods the service implements; others get 501.
var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

// exposeAll lets a browser script read every response header. "*" is
// the Fetch standard's wildcard for requests without credentials, which
// is every request here (the service sends no
// Access-Control-Allow-Credentials); it replaces a list that cost 330
// bytes on every response, interim ones included.
const exposeAll = "*"

// Header values shared by every response; net/http never modifies them.
var (
	allowAnyOrigin      = []string{"*"}
	exposedHeadersValue = []string{exposeAll}
	noSniff             = []string{"nosniff"}
)

// middleware wraps the routes, outermost first: limits on the request
// itself (method, URI, headers), CORS, the per-IP rate limit (when
// limiter is not nil), logging.
func (s *server) middleware(next http.Handler, limiter *ipLimiter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var start time.Time
		if s.opts.LogRequests {
			start = time.Now()
		}
		if wc, ok := wire.FromContext(r.Context()); ok {
			wc.Begin()
		}
		h := w.Header()
		// Direct map writes with shared, pre-canonicalised values: these two
		// headers go on every response, so they must cost nothing.
		h["Access-Control-Allow-Origin"] = allowAnyOrigin
		h["Access-Control-Expose-Headers"] = exposedHeadersValue
		switch {
		case !knownMethods[r.Method]:
			s.fail(w, r, http.StatusNotImplemented, "method %s is not implemented here; use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS", clip(r.Method))
		case len(r.RequestURI) > s.opts.MaxURIBytes:
			s.fail(w, r, http.StatusRequestURITooLong, "the request target is %d bytes; at most %d are allowed", len(r.RequestURI), s.opts.MaxURIBytes)
		case headerBytes(r) > s.opts.MaxHeaderBytes:
			s.fail(w, r, http.StatusRequestHeaderFieldsTooLarge, "the request header fields take %d bytes; at most %d are allowed", headerBytes(r), s.opts.MaxHeaderBytes)
		case r.RequestURI == "*":
			// net/http answers OPTIONS * itself; anything else with the
			// server-wide target has nothing to act on.
			w.Header().Set("Connection", "close")
			s.fail(w, r, http.StatusBadRequest, "the request target * means the server as a whole and only goes with OPTIONS; %s needs a path such as /status/200", clip(r.Method))
		case r.URL.RawQuery != "" && checkQuery(r.URL.RawQuery) != nil:
			s.fail(w, r, http.StatusBadRequest, "%v", checkQuery(r.URL.RawQuery))
		case r.Method == http.MethodOptions && r.Header.Get("Origin") != "" && r.Header.Get("Access-Control-Request-Method") != "":
			preflight(w, r)
		case limiter != nil && r.URL.Path != "/healthz" && !limiter.allow(s.clientIP(r), w):
			s.fail(w, r, http.StatusTooManyRequests, "more than %g requests per second from %s; slow down and retry after the time in Retry-After", s.opts.RateLimit, s.clientIP(r))
		case r.ContentLength > s.opts.MaxBodyBytes:
			// Refused before a byte of it is read, and before 100 Continue
			// invites the client to send it.
			s.fail(w, r, http.StatusRequestEntityTooLarge, "the body is %d bytes; at most %d are accepted (--max-body)", r.ContentLength, s.opts.MaxBodyBytes)
		default:
			if r.ContentLength != 0 {
				// A copy of the request carries the bounded body: net/http
				// keeps the original, and must still see its own body there
				// to know whether a client waiting for 100 Continue was
				// answered (or it waits for a body that never comes).
				r = r.WithContext(r.Context())
				r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
			}
			next.ServeHTTP(w, r)
		}
		if s.opts.LogRequests {
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr, "duration", time.Since(start))
		}
	})
}

// preflight answers a CORS preflight: whatever method and headers the
// page asks for are allowed, for a day.
func preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", r.Header.Get("Access-Control-Request-Method"))
	if rh := r.Header.Get("Access-Control-Request-Headers"); rh != "" {
		h.Set("Access-Control-Allow-Headers", rh)
	}
	h.Set("Access-Control-Max-Age", "86400")
	h.Add("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	w.WriteHeader(http.StatusNoContent)
}

// headerBytes is the size of the request's header section as sent.
func headerBytes(r *http.Request) int {
	n := 0
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}
