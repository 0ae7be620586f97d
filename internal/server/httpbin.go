package server

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxRedirects bounds /redirect/{n} and friends.
const maxRedirects = 100

// echo is httpbin's description of the request, the body of /get,
// /anything, /delay and the other endpoints that reflect what they got.
type echo struct {
	Args    url.Values          `json:"args"`
	Data    *string             `json:"data,omitempty"`
	Files   map[string][]string `json:"files,omitempty"`
	Form    url.Values          `json:"form,omitempty"`
	Headers http.Header         `json:"headers"`
	JSON    json.RawMessage     `json:"json,omitempty"`
	Method  string              `json:"method"`
	Origin  string              `json:"origin"`
	URL     string              `json:"url"`
}

func (s *server) echoOf(r *http.Request) echo {
	return echo{Args: nonNilValues(r.URL.Query()), Headers: r.Header, Method: r.Method, Origin: s.clientIP(r), URL: s.selfURL(r) + r.URL.RequestURI()}
}

func nonNilValues(v url.Values) url.Values {
	if v == nil {
		return url.Values{}
	}
	return v
}

// echoWithBody adds the body to the echo the way httpbin does: form
// fields, files, parsed JSON and the raw data.
func (s *server) echoWithBody(w http.ResponseWriter, r *http.Request) (echo, bool) {
	e := s.echoOf(r)
	body, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "the body is over %d bytes, the most accepted", s.opts.MaxBodyBytes)
		return e, false
	}
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "reading the body failed: %v", err)
		return e, false
	}
	data := echoData(body)
	e.Data, e.Form, e.Files = &data, url.Values{}, map[string][]string{}
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(data)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "the form body does not parse: %v", err)
			return e, false
		}
		e.Form = form
	case "multipart/form-data":
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.Header.Set("Content-Type", mime.FormatMediaType(mediaType, params))
		if err := r.ParseMultipartForm(s.opts.MaxBodyBytes); err != nil {
			s.fail(w, r, http.StatusBadRequest, "the multipart body does not parse: %v", err)
			return e, false
		}
		e.Form = url.Values(r.MultipartForm.Value)
		for name, files := range r.MultipartForm.File {
			for _, fh := range files {
				f, err := fh.Open()
				if err != nil {
					continue
				}
				content, _ := io.ReadAll(f)
				f.Close()
				e.Files[name] = append(e.Files[name], echoData(content))
			}
		}
	case "application/json":
		if len(body) > 0 {
			js, err := echoJSON(body)
			if err != nil {
				s.fail(w, r, http.StatusBadRequest, "%v", err)
				return e, false
			}
			e.JSON = js
		}
	}
	return e, true
}

// echoData is a body as the echo shows it: as text when it is text, and
// otherwise, as httpbin shows binary bodies, a data: URL in base64. Text is
// valid UTF-8 without control characters other than tab, CR and LF; any
// other byte would be lost (invalid UTF-8 becomes U+FFFD in JSON) or
// written as a six-byte \u escape, making the echo six times the body.
func echoData(body []byte) string {
	text := utf8.Valid(body) && !slices.ContainsFunc(body, func(c byte) bool {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f
	})
	if text {
		return string(body)
	}
	return "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(body)
}

func (s *server) handleGet(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	writeJSON(w, http.StatusOK, s.echoOf(r))
}

func (s *server) handleAnything(w http.ResponseWriter, r *http.Request) {
	e, ok := s.echoWithBody(w, r)
	if ok {
		writeJSON(w, http.StatusOK, e)
	}
}

// parseCount reads a path count in 1..max.
func parseCount(v string, max int) (int, bool) {
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 1 && n <= max && strconv.Itoa(n) == v
}

// redirectChain answers /redirect/{n}-style endpoints: a 302 to the next
// hop, and /get after the last one. absolute makes every Location a full
// URL on this host.
func (s *server) redirectChain(w http.ResponseWriter, r *http.Request, next string, absolute bool) {
	if !s.onlyParams(w, r, "absolute") {
		return
	}
	n, ok := parseCount(r.PathValue("n"), maxRedirects)
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "the number of redirects %q must be a whole number from 1 to %d", clip(r.PathValue("n")), maxRedirects)
		return
	}
	switch v := r.URL.Query().Get("absolute"); v {
	case "", "false":
	case "true":
		absolute = true
	default:
		s.fail(w, r, http.StatusBadRequest, "absolute %q must be true or false", clip(v))
		return
	}
	target := "/get"
	if n > 1 {
		target = next + strconv.Itoa(n-1)
	}
	if absolute {
		base, err := s.baseURL(r)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "%v", err)
			return
		}
		target = base + target
	}
	redirect(w, target, http.StatusFound)
}

// redirect answers code with Location and a short body saying where to go.
func redirect(w http.ResponseWriter, target string, code int) {
	h := w.Header()
	h.Set("Location", target)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	body := strconv.Itoa(code) + " redirect to " + target + "\n"
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	io.WriteString(w, body)
}

func (s *server) handleRedirect(w http.ResponseWriter, r *http.Request) {
	s.redirectChain(w, r, "/relative-redirect/", false)
}

func (s *server) handleRelativeRedirect(w http.ResponseWriter, r *http.Request) {
	s.redirectChain(w, r, "/relative-redirect/", false)
}

func (s *server) handleAbsoluteRedirect(w http.ResponseWriter, r *http.Request) {
	s.redirectChain(w, r, "/absolute-redirect/", true)
}

// handleRedirectTo is httpbin's /redirect-to, limited to relative URLs and
// allow-listed hosts so that it cannot serve as an open redirect.
func (s *server) handleRedirectTo(w http.ResponseWriter, r *http.Request) {
	if !s.onlyParams(w, r, "url", "status_code") {
		return
	}
	q := r.URL.Query()
	target := q.Get("url")
	if !q.Has("url") {
		s.fail(w, r, http.StatusBadRequest, "url= is required, for example /redirect-to?url=/get")
		return
	}
	if err := s.checkRedirectTarget(target); err != nil {
		s.fail(w, r, http.StatusBadRequest, "url: %v", err)
		return
	}
	code := http.StatusFound
	if v := q.Get("status_code"); v != "" {
		c, err := parseStatusCode(v)
		if err != nil || c < 300 || c > 399 || c == http.StatusNotModified {
			s.fail(w, r, http.StatusBadRequest, "status_code %q must be a redirect code from 300 to 399 (not 304)", clip(v))
			return
		}
		code = c
	}
	redirect(w, target, code)
}

// handleDelay is /delay/{seconds}: seconds (fractional allowed) or a Go
// duration, up to the maximum delay; then the echo of the request.
func (s *server) handleDelay(w http.ResponseWriter, r *http.Request) {
	v := r.PathValue("seconds")
	d, err := time.ParseDuration(v)
	if err != nil {
		secs, ferr := strconv.ParseFloat(v, 64)
		if ferr != nil || secs != secs {
			s.fail(w, r, http.StatusBadRequest, "delay %q is neither seconds (1.5) nor a duration (1500ms)", clip(v))
			return
		}
		if secs < 0 || secs > s.opts.MaxDelay.Seconds() {
			s.fail(w, r, http.StatusBadRequest, "delay %s must be from 0 to the maximum %v", clip(v), s.opts.MaxDelay)
			return
		}
		d = time.Duration(secs * float64(time.Second))
	}
	if d < 0 || d > s.opts.MaxDelay {
		s.fail(w, r, http.StatusBadRequest, "delay %s must be from 0 to the maximum %v", clip(v), s.opts.MaxDelay)
		return
	}
	if !s.acquireSleeper() {
		s.refuseSleeper(w, r)
		return
	}
	defer s.releaseSleeper()
	if !sleepFor(w, r, d, false) {
		return
	}
	w.Header().Set("Server-Timing", "initial_delay;dur="+strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', -1, 64))
	s.handleAnything(w, r)
}

// checkBasicAuth compares credentials in constant time.
func checkBasicAuth(r *http.Request, user, pass string) (string, bool) {
	u, p, ok := r.BasicAuth()
	if !ok {
		return "", false
	}
	match := subtle.ConstantTimeCompare([]byte(u), []byte(user)) & subtle.ConstantTimeCompare([]byte(p), []byte(pass))
	return u, match == 1
}

// handleBasicAuth is /basic-auth/{user}/{passwd}: 200 for the right
// credentials, else 401 with the challenge RFC 9110 §15.5.2 requires.
func (s *server) handleBasicAuth(w http.ResponseWriter, r *http.Request) {
	if !s.onlyParams(w, r) {
		return
	}
	user, ok := checkBasicAuth(r, r.PathValue("user"), r.PathValue("passwd"))
	if !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="httpstatus", charset="UTF-8"`)
		s.fail(w, r, http.StatusUnauthorized, "send the user and password of the URL with Basic authentication")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"authenticated": true, "user": user})
}

// handleHiddenBasicAuth answers 404 instead of 401, for sites that hide
// what exists from unauthenticated clients.
func (s *server) handleHiddenBasicAuth(w http.ResponseWriter, r *http.Request) {
	if !s.onlyParams(w, r) {
		return
	}
	user, ok := checkBasicAuth(r, r.PathValue("user"), r.PathValue("passwd"))
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such resource")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"authenticated": true, "user": user})
}

// handleBearer accepts any bearer token; without one, 401 with a Bearer
// challenge (RFC 6750 §3).
func (s *server) handleBearer(w http.ResponseWriter, r *http.Request) {
	if !s.onlyParams(w, r) {
		return
	}
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="httpstatus"`)
		s.fail(w, r, http.StatusUnauthorized, "send Authorization: Bearer <token>; any token is accepted")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"authenticated": true, "token": token})
}

// cacheEpoch is the Last-Modified of /cache: fixed, so that a client's
// If-Modified-Since round trip works.
var cacheEpoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// handleCache answers 304 to a conditional request (If-None-Match or
// If-Modified-Since) and otherwise the echo with validators.
func (s *server) handleCache(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	h := w.Header()
	h.Set("Last-Modified", cacheEpoch.Format(http.TimeFormat))
	h.Set("ETag", `"httpstatus-cache"`)
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, http.StatusOK, s.echoOf(r))
}

// handleCacheFor is /cache/{n}: the echo with Cache-Control max-age=n.
func (s *server) handleCacheFor(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n > 1<<31-1 {
		s.fail(w, r, http.StatusBadRequest, "max-age %q must be a whole number of seconds, 0 or more", clip(r.PathValue("n")))
		return
	}
	w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(n))
	writeJSON(w, http.StatusOK, s.echoOf(r))
}

// handleETag is /etag/{etag}: a resource whose entity tag is etag, with
// If-None-Match (304) and If-Match (412) evaluated as RFC 9110 §13 says.
func (s *server) handleETag(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	tag := r.PathValue("etag")
	if strings.ContainsAny(tag, "\"\\") || strings.IndexFunc(tag, func(c rune) bool { return c < 0x21 || c == 0x7f }) >= 0 {
		s.fail(w, r, http.StatusBadRequest, "entity tag %q may not contain quotes, backslashes, spaces or control characters", clip(tag))
		return
	}
	body, _ := encodeJSON(s.echoOf(r)) // the echo is the service's own value: it encodes
	s.serveBytes(w, r, body, "application/json", `"`+tag+`"`)
}

// handleRange is /range/{n}: n bytes of the alphabet, honouring Range
// (206 with one part or multipart/byteranges, 416 when unsatisfiable).
func (s *server) handleRange(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	n, ok := parseCount(r.PathValue("n"), int(s.opts.MaxBodyBytes))
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "the size %q must be a whole number of bytes from 1 to %d", clip(r.PathValue("n")), s.opts.MaxBodyBytes)
		return
	}
	body := make([]byte, n)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	s.serveBytes(w, r, body, "application/octet-stream", `"range`+strconv.Itoa(n)+`"`)
}

// handleResponseHeaders is httpbin's /response-headers: every query
// parameter becomes a response header (the same checks as header=), and
// the body lists them.
func (s *server) handleResponseHeaders(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	count := 0
	for name, values := range q {
		for _, v := range values {
			count++
			if count > maxHeaderParams {
				s.fail(w, r, http.StatusBadRequest, "more than %d headers requested", maxHeaderParams)
				return
			}
			if _, _, err := checkHeader(name, v); err != nil {
				s.fail(w, r, http.StatusBadRequest, "%v", err)
				return
			}
		}
	}
	for name, values := range q {
		for _, v := range values {
			w.Header().Add(name, v)
		}
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	writeJSON(w, http.StatusOK, q)
}
