package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/exchange"
	"golang.org/x/net/http/httpguts"
)

// The checker: the /check page and POST /api/v1/check run the exchange
// engine from this server against a URL the user gives, and show the hop
// table and timings that 'httpstatus check' prints.
//
// A public instance must never become a door into its own network, so
// every address is vetted after DNS resolution, at dial time, for every
// hop (exchange.Guard): loopback, private, link-local, CGNAT, multicast,
// ULA and the like are refused unless --check-private lifts it for local
// use. Checks are costly, so they have a per-client rate limit of their
// own and a bound on how many run at once.

// Limits of one server-side check.
const (
	checkMaxRedirects = 10
	checkTimeout      = 10 * time.Second // each exchange
	checkTotal        = 30 * time.Second // the whole chain
	checkShowBody     = 16 << 10
	checkReadBody     = 1<<20 - checkShowBody // read past what is shown: 1 MiB in all, as the page says
	checkMaxHeaders   = 20
	checkMaxRunning   = 32 // checks running at once, server-wide
	checkUserAgent    = "httpstatus-check/1 (+https://github.com/httpstatus/httpstatus)"
)

// checkRequest is the body of POST /api/v1/check and what the /check form
// describes.
type checkRequest struct {
	URL             string        `json:"url"`
	Method          string        `json:"method"`
	Headers         []headerField `json:"headers"`
	FollowRedirects *bool         `json:"follow_redirects"`
}

// checkReport is the answer: the chain hop by hop, with what the linter
// finds wrong with each response and what each code means.
type checkReport struct {
	SchemaVersion int           `json:"schema_version"`
	URL           string        `json:"url"`
	Note          string        `json:"note,omitempty"` // e.g. the scheme that was added
	Method        string        `json:"method"`
	Status        int           `json:"status"` // the final status; 0 when none arrived
	Phrase        string        `json:"phrase,omitempty"`
	Redirects     int           `json:"redirects"`
	TotalMS       float64       `json:"total_ms"`
	Error         string        `json:"error,omitempty"`
	Failure       string        `json:"failure,omitempty"`
	Exchanges     []hopReport   `json:"exchanges"` // each with its findings, linked by path like Meanings
	Meanings      []codeMeaning `json:"meanings"`
}

// codeMeaning is the catalogue's one line about a code in the chain.
type codeMeaning struct {
	Code    int    `json:"code"`
	Phrase  string `json:"phrase"`
	Summary string `json:"summary"`
	Link    string `json:"link"`
}

// checkMethods are the methods a server-side check may use: it reads,
// it never writes to somebody else's server on a visitor's behalf.
var checkMethods = []string{http.MethodGet, http.MethodHead}

// forbiddenCheckHeaders are the checker's own.
var forbiddenCheckHeaders = map[string]bool{"Host": true, "Content-Length": true, "Transfer-Encoding": true, "Connection": true, "Upgrade": true, "Te": true, "Trailer": true, "Expect": true}

// validate checks a request and parses its URL.
func (q *checkRequest) validate() (*url.URL, string, error) {
	if q.Method == "" {
		q.Method = http.MethodGet
	}
	q.Method = strings.ToUpper(q.Method)
	if !slices.Contains(checkMethods, q.Method) {
		return nil, "", fmt.Errorf("method %q: checks from this server use GET or HEAD only (use 'httpstatus check' for others)", clip(q.Method))
	}
	if len(q.Headers) > checkMaxHeaders {
		return nil, "", fmt.Errorf("%d headers; at most %d are allowed", len(q.Headers), checkMaxHeaders)
	}
	for _, h := range q.Headers {
		name, err := checkHeaderLine(h)
		if err != nil {
			return nil, "", err
		}
		if forbiddenCheckHeaders[name] {
			return nil, "", fmt.Errorf("header %s cannot be set: the checker writes it itself", name)
		}
	}
	u, note, err := exchange.ParseTarget(q.URL)
	if err != nil {
		return nil, "", fmt.Errorf("url: %v", err)
	}
	return u, note, nil
}

// checkHeaderLine validates one request header of a check.
func checkHeaderLine(h headerField) (name string, err error) {
	if !httpguts.ValidHeaderFieldName(h.Name) || len(h.Name) > 256 || len(h.Value) > 4096 || !httpguts.ValidHeaderFieldValue(h.Value) {
		return "", fmt.Errorf("header %q is not a valid field (a token name, a value without line breaks, 4 KiB at most)", clip(h.Name))
	}
	return http.CanonicalHeaderKey(h.Name), nil
}

// checkDialer is the dialer of server-side checks: the guard on, unless
// --check-private.
func (s *server) checkDialer() exchange.Dialer {
	d := &exchange.NetDialer{}
	if !s.opts.CheckPrivate {
		d.CheckIP = s.guard.Check
	}
	return d
}

// runCheck performs a validated check.
func (s *server) runCheck(ctx context.Context, q checkRequest, u *url.URL, note string) checkReport {
	ctx, cancel := context.WithTimeout(ctx, checkTotal)
	defer cancel()
	// Hops to the same host reuse the connection, as a browser would; the
	// check's connections end with it.
	client := &exchange.Client{Dialer: s.checkDialer(), UserAgent: checkUserAgent, ShowBody: checkShowBody, ReadBody: checkReadBody, KeepAlive: true, MaxIdle: 2}
	defer client.CloseIdle()
	chain := client.Follow(ctx, exchange.Request{Method: q.Method, URL: u, Header: q.Headers}, exchange.Policy{
		Follow: q.FollowRedirects == nil || *q.FollowRedirects, MaxRedirects: checkMaxRedirects, Timeout: checkTimeout,
	})
	rep := checkReport{SchemaVersion: 1, URL: u.String(), Note: note, Method: q.Method, Status: chain.Status, Redirects: chain.Redirects,
		TotalMS: chain.TotalMS, Error: chain.Error, Failure: chain.Failure, Exchanges: lintedHops(&chain), Meanings: []codeMeaning{}}
	if chain.Status != 0 {
		rep.Phrase = httpstatus.Text(chain.Status)
	}
	seen := map[int]bool{}
	for _, ex := range chain.Exchanges {
		codes := []int{}
		for _, r := range ex.Interim {
			codes = append(codes, r.Status)
		}
		if ex.Response != nil {
			codes = append(codes, ex.Response.Status)
		}
		for _, c := range codes {
			if seen[c] {
				continue
			}
			seen[c] = true
			if entry, err := httpstatus.Describe(c); err == nil {
				rep.Meanings = append(rep.Meanings, codeMeaning{c, entry.Phrase, entry.Summary, "/" + strconv.Itoa(c)})
			}
		}
	}
	return rep
}

// checkRefusal is a check that did not run, or whose first address was
// refused: the status and the words, for the API's error shape or the
// page.
type checkRefusal struct {
	code   int
	detail string
}

// privateRefusal ends the words of a refused internal address.
const privateRefusal = ": this server does not check addresses in private networks (run 'httpstatus check' on your machine, or 'httpstatus serve --check-private' locally)"

// check runs a check with the limits every check shares: validation,
// the address guard on a literal address, the per-client check rate (its
// RateLimit fields and Retry-After go on w), the number running.
func (s *server) check(w http.ResponseWriter, r *http.Request, q checkRequest) (checkReport, *checkRefusal) {
	u, note, err := q.validate()
	if err != nil {
		return checkReport{}, &checkRefusal{http.StatusBadRequest, err.Error()}
	}
	// An address written in the URL is judged before anything is
	// dialled, in whatever form it is written (127.1, 0x7f000001,
	// [::ffff:127.0.0.1]); names are judged after resolution.
	if ip, literal := exchange.LiteralIP(u.Hostname()); literal && !s.opts.CheckPrivate {
		if err := s.guard.Check(ip); err != nil {
			return checkReport{}, &checkRefusal{http.StatusForbidden, clip(u.Hostname()) + " is " + strings.TrimPrefix(err.Error(), ip.String()+" is ") + privateRefusal}
		}
		if ip.To4() != nil && u.Hostname() != ip.String() {
			u.Host = hostWithPort(ip.String(), u.Port()) // dial what was judged, not a spelling a resolver may read otherwise
		}
	}
	if !s.checkLimiter.allow(s.clientIP(r), w) {
		return checkReport{}, &checkRefusal{http.StatusTooManyRequests, fmt.Sprintf("more than %g checks per minute from %s (--check-rate); retry after the time in Retry-After", s.opts.CheckRate, s.clientIP(r))}
	}
	select {
	case s.checksRunning <- struct{}{}:
		defer func() { <-s.checksRunning }()
	default:
		w.Header().Set("Retry-After", strconv.Itoa(int(checkTotal.Seconds())))
		return checkReport{}, &checkRefusal{http.StatusServiceUnavailable, fmt.Sprintf("%d checks are running, the most this server runs at once; retry after the time in Retry-After", checkMaxRunning)}
	}
	rep := s.runCheck(r.Context(), q, u, note)
	if len(rep.Exchanges) == 1 && rep.Failure == exchange.FailBlocked {
		return rep, &checkRefusal{http.StatusForbidden, strings.TrimPrefix(rep.Error, "connecting: ") + privateRefusal}
	}
	return rep, nil
}

// handleCheckAPI is POST /api/v1/check.
func (s *server) handleCheckAPI(w http.ResponseWriter, r *http.Request) {
	if !s.checkEnabled(w, r) || !s.allowMethods(w, r, http.MethodPost) || !s.onlyParams(w, r) {
		return
	}
	var q checkRequest
	if !s.decodeJSONRequest(w, r, &q, "a check request") {
		return
	}
	rep, refused := s.check(w, r, q)
	if refused != nil {
		s.fail(w, r, refused.code, "%s", refused.detail)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, rep)
}

// checkEnabled answers 404 when --check=off removed the feature.
func (s *server) checkEnabled(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.CheckOff {
		s.fail(w, r, http.StatusNotFound, "checking URLs is turned off on this server (--check=off); 'httpstatus check URL' does it from your machine")
		return false
	}
	return true
}

// checkView is what the check page shows.
type checkView struct {
	URL, Method string
	NoFollow    bool
	Private     bool // --check-private is on
	Report      *checkReport
	Error       string
	Bars        [][]timingBar // per exchange
}

// timingBar is one phase of an exchange's timing bar, its place and
// width in per mille of the longest exchange.
type timingBar struct {
	Phase string
	MS    float64
	X, W  int
}

// handleCheckPage is /check: the form, and the chain when a URL was given.
// Its state is the page address (/check?url=...), like the tester's.
func (s *server) handleCheckPage(w http.ResponseWriter, r *http.Request) {
	if !s.checkEnabled(w, r) || !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r, "url", "method", "follow") {
		return
	}
	query := r.URL.Query()
	view := &checkView{URL: query.Get("url"), Method: query.Get("method"), Private: s.opts.CheckPrivate}
	p := page{Title: "Check a URL", Description: "What a URL answers, hop by hop, with timings and what each status code means.", Classes: httpstatus.Classes(), Check: view}
	code := http.StatusOK
	switch f := query.Get("follow"); f {
	case "", "yes":
	case "no":
		view.NoFollow = true
	default:
		view.Error, code = fmt.Sprintf("follow %q must be yes or no", clip(f)), http.StatusBadRequest
	}
	if view.Error == "" && strings.TrimSpace(view.URL) != "" {
		q := checkRequest{URL: view.URL, Method: view.Method}
		if view.NoFollow {
			no := false
			q.FollowRedirects = &no
		}
		rep, refused := s.check(w, r, q)
		if refused != nil {
			view.Error, code = refused.detail, refused.code
		} else {
			view.Report = &rep
			view.Bars = timingBars(plainExchanges(rep.Exchanges))
			p.Title = "Check: " + rep.URL
		}
	}
	if code >= 400 && negotiate(r.Header.Get("Accept"), []string{"application/json", "text/html"}) != "text/html" {
		// A client that does not ask for HTML gets the error shape, as
		// from every other route.
		s.fail(w, r, code, "%s", view.Error)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	servePage(w, r, s.site.renderNow("check", p), code)
}

// timingBars lays out each exchange's phases (exchange.Exchange.Phases)
// on one scale, so that the bars of a chain compare.
func timingBars(exs []exchange.Exchange) [][]timingBar {
	longest := 0.0
	for _, ex := range exs {
		longest = max(longest, ex.Timings.TotalMS)
	}
	if longest <= 0 {
		longest = 1
	}
	out := make([][]timingBar, len(exs))
	for i, ex := range exs {
		at := 0.0
		for j, d := range ex.Phases() {
			d = max(d, 0) // a phase that did not happen takes no room
			out[i] = append(out[i], timingBar{Phase: exchange.PhaseNames[j], MS: d, X: int(at / longest * 1000), W: int(d / longest * 1000)})
			at += d
		}
	}
	return out
}

// hostWithPort joins a host and an optional port.
func hostWithPort(host, port string) string {
	if port == "" {
		return host
	}
	return net.JoinHostPort(host, port)
}
