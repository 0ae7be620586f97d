package server

import (
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// allowMethods answers 405 with Allow unless r uses one of methods.
func (s *server) allowMethods(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	s.fail(w, r, http.StatusMethodNotAllowed, "%s does not accept %s; use %s", r.URL.Path, r.Method, strings.Join(methods, " or "))
	return false
}

// onlyParams answers 400 when the query has a parameter outside known, or
// one given twice, so that a typo or a second value is reported instead of
// silently ignored.
func (s *server) onlyParams(w http.ResponseWriter, r *http.Request, known ...string) bool {
	if r.URL.RawQuery == "" {
		return true // the common case, without parsing an empty query
	}
	for key, vals := range r.URL.Query() {
		if len(vals) > 1 && slices.Contains(known, key) {
			s.fail(w, r, http.StatusBadRequest, "parameter %s is given %d times; give it once", clip(key), len(vals))
			return false
		}
		ok := false
		for _, k := range known {
			ok = ok || key == k
		}
		if !ok {
			if len(known) == 0 {
				s.fail(w, r, http.StatusBadRequest, "unknown parameter %q; %s takes no parameters", clip(key), r.URL.Path)
			} else {
				s.fail(w, r, http.StatusBadRequest, "unknown parameter %q; %s takes %s", clip(key), r.URL.Path, strings.Join(known, ", "))
			}
			return false
		}
	}
	return true
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Length", "3")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.WriteString(w, "ok\n")
	}
}

func (s *server) handleStatusMissing(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/status/" {
		s.fail(w, r, http.StatusBadRequest, "no status code given: use /status/{code}, for example /status/404")
		return
	}
	s.fail(w, r, http.StatusNotFound, "no such endpoint %s: /status takes one segment, /status/{codes}", clip(r.URL.Path))
}

// handleNotFound answers paths the service does not have: the site's own
// 404 page for browsers, the JSON error for everything else.
func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.notFoundPage(w, r, "")
}

// /ratelimit bounds.
const (
	maxRateLimit   = 100000
	maxRateWindow  = time.Hour
	maxRateKeySize = 128
)

// handleRateLimit is a real limiter: limit requests per window per key
// (the client IP unless key= is given); the one over the limit gets 429
// with Retry-After and the RateLimit fields, as a production API would.
func (s *server) handleRateLimit(w http.ResponseWriter, r *http.Request) {
	if !s.onlyParams(w, r, "limit", "window", "key") {
		return
	}
	q := r.URL.Query()
	limit := 10
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxRateLimit {
			s.fail(w, r, http.StatusBadRequest, "limit %q must be a whole number from 1 to %d", clip(v), maxRateLimit)
			return
		}
		limit = n
	}
	window := time.Minute
	if v := q.Get("window"); v != "" {
		d, err := parseDelay(v, maxRateWindow)
		if err != nil || d < time.Second {
			s.fail(w, r, http.StatusBadRequest, "window %q must be a duration from 1s to %v (for example 10s or 60000)", clip(v), maxRateWindow)
			return
		}
		window = d
	}
	key := q.Get("key")
	if len(key) > maxRateKeySize {
		s.fail(w, r, http.StatusBadRequest, "key is %d bytes; at most %d are allowed", len(key), maxRateKeySize)
		return
	}
	if key == "" {
		key = "ip:" + s.clientIP(r)
	} else {
		key = "key:" + key
	}
	ok, remaining, reset := s.windows.hit(key+"|"+strconv.Itoa(limit), limit, window, time.Now())
	resetSec := int(math.Ceil(reset.Seconds()))
	setRateLimitHeaders(w.Header(), limit, remaining, resetSec, int(math.Ceil(window.Seconds())))
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(max(resetSec, 1)))
		s.fail(w, r, http.StatusTooManyRequests, "%d requests per %v allowed for this key; retry after %d s", limit, window, max(resetSec, 1))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"limit": limit, "remaining": remaining, "reset": resetSec, "window": window.String()})
}

// handleUpload produces the request-body codes for their real reason:
// 100 Continue for Expect: 100-continue, 405, 411, 413, 415 and 417.
func (s *server) handleUpload(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodPost, http.MethodPut) || !s.onlyParams(w, r, "require_length", "accept") {
		return
	}
	q := r.URL.Query()
	if e := r.Header.Get("Expect"); e != "" && !strings.EqualFold(e, "100-continue") {
		s.fail(w, r, http.StatusExpectationFailed, "Expect: %s cannot be met; the only expectation HTTP defines is 100-continue", clip(e))
		return
	}
	switch v := q.Get("require_length"); v {
	case "", "0", "false":
	case "1", "true":
		if r.ContentLength < 0 {
			s.fail(w, r, http.StatusLengthRequired, "this upload needs a Content-Length header; the request was sent without one (chunked)")
			return
		}
	default:
		s.fail(w, r, http.StatusBadRequest, "require_length %q must be 1 or 0", clip(v))
		return
	}
	if want := q.Get("accept"); want != "" {
		wantType, _, err := mime.ParseMediaType(want)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "accept %q is not a media type", clip(want))
			return
		}
		got, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if got != wantType {
			w.Header().Set("Accept-Post", wantType)
			w.Header().Set("Accept-Patch", wantType)
			s.fail(w, r, http.StatusUnsupportedMediaType, "this upload accepts %s, not %q", wantType, clip(r.Header.Get("Content-Type")))
			return
		}
	}
	if r.ContentLength > s.opts.MaxBodyBytes {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "the body is %d bytes; at most %d are accepted", r.ContentLength, s.opts.MaxBodyBytes)
		return
	}
	n, err := io.Copy(io.Discard, r.Body) // reading sends 100 Continue when asked for
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "the body is over %d bytes, the most accepted", s.opts.MaxBodyBytes)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "reading the body failed: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"received_bytes": n, "content_type": r.Header.Get("Content-Type"), "expect": r.Header.Get("Expect")})
}

// offers are what /negotiate can produce.
var offers = []string{"application/json", "text/plain", "text/html"}

// handleNegotiate serves content negotiation for real: the best of JSON,
// plain text and HTML for the Accept header, or 406 listing the offers.
func (s *server) handleNegotiate(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	w.Header().Set("Vary", "Accept")
	kind := negotiate(r.Header.Get("Accept"), offers)
	var body string
	switch kind {
	case "application/json":
		body = `{"negotiated":"application/json"}` + "\n"
	case "text/plain":
		body = "negotiated text/plain\n"
	case "text/html":
		body = "<!doctype html><title>negotiated</title><p>negotiated text/html</p>\n"
		kind = "text/html; charset=utf-8"
	default:
		s.fail(w, r, http.StatusNotAcceptable, "nothing here matches Accept: %s; available: %s", clip(r.Header.Get("Accept")), strings.Join(offers, ", "))
		return
	}
	w.Header().Set("Content-Type", kind)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.WriteString(w, body)
	}
}
