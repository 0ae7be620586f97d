package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/httpstatus/httpstatus"
)

// maxCustomBody bounds body=.
const maxCustomBody = 64 << 10

// statusOptions are the options of /status/{codes} and /random/{list},
// all parsed and checked before anything is written.
type statusOptions struct {
	choices    []choice
	float      func() float64 // the random source; seeded by seed=
	sleep      time.Duration
	headers    [][2]string
	body       []byte
	hasBody    bool
	bodyJSON   bool
	typeJSON   bool // type=json: the default body too is JSON
	location   string
	retryAfter string
	fault      string
	then       int
	reason     string // reason=: the final status line's phrase
	hasReason  bool
	challenge  string // challenge=: the 401/407 challenge's scheme
}

// statusParams are the query parameters /status understands.
var statusParams = []string{"sleep", "header", "body", "type", "location", "retry_after", "fault", "then", "seed", "reason", "challenge"}

// maxReason bounds reason=.
const maxReason = 512

// challengeSchemes are the values of challenge=.
var challengeSchemes = []string{"bearer", "basic", "digest"}

// faults are the values of fault=.
var faults = map[string]string{
	"reset":               "the connection is reset before any response",
	"close_after_headers": "the connection closes right after the header section",
	"truncate":            "the body stops halfway through its declared Content-Length",
	"dribble":             "the body trickles out over the sleep= time (default 2s)",
}

// compatSleepHeader and compatHeaderPrefix are httpstat.us's request
// headers, honoured like sleep= and header=.
const (
	compatSleepHeader  = "X-Httpstatus-Sleep"
	compatHeaderPrefix = "X-Httpstatus-Response-"
)

func (s *server) parseStatusOptions(r *http.Request, choices []choice) (statusOptions, error) {
	o := statusOptions{choices: choices, float: rand.Float64, then: http.StatusOK}
	if r.URL.RawQuery == "" && !hasCompatHeaders(r.Header) {
		return o, nil // the common case: nothing to parse or check
	}
	q := r.URL.Query()
	for key, vals := range q {
		known := false
		for _, p := range statusParams {
			known = known || key == p
		}
		if !known {
			return o, fmt.Errorf("unknown parameter %q; /status takes %s", clip(key), strings.Join(statusParams, ", "))
		}
		if key != "header" && len(vals) > 1 {
			return o, fmt.Errorf("parameter %s is given %d times; give it once", key, len(vals))
		}
	}
	var err error
	if v, ok := q["sleep"]; ok {
		if o.sleep, err = parseDelay(v[0], s.opts.MaxDelay); err != nil {
			return o, fmt.Errorf("sleep: %w", err)
		}
	}
	if v := r.Header.Get(compatSleepHeader); v != "" {
		if q.Has("sleep") {
			return o, errors.New("both sleep= and X-HttpStatus-Sleep are given; use one")
		}
		ms, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return o, fmt.Errorf("X-HttpStatus-Sleep %q is not a whole number of milliseconds", clip(v))
		}
		if o.sleep, err = parseDelay(strconv.FormatInt(ms, 10), s.opts.MaxDelay); err != nil {
			return o, fmt.Errorf("X-HttpStatus-Sleep: %w", err)
		}
	}
	for _, hv := range q["header"] {
		name, value, err := parseHeaderParam(hv)
		if err != nil {
			return o, err
		}
		o.headers = append(o.headers, [2]string{name, value})
	}
	for key, vals := range r.Header {
		if !strings.HasPrefix(key, compatHeaderPrefix) {
			continue
		}
		for _, v := range vals {
			name, value, err := checkHeader(strings.TrimPrefix(key, compatHeaderPrefix), v)
			if err != nil {
				return o, fmt.Errorf("%s: %w", key, err)
			}
			o.headers = append(o.headers, [2]string{name, value})
		}
	}
	if len(o.headers) > maxHeaderParams {
		return o, fmt.Errorf("%d headers requested; at most %d are allowed", len(o.headers), maxHeaderParams)
	}
	switch t := q.Get("type"); t {
	case "", "text":
	case "json":
		o.typeJSON = true
	default:
		return o, fmt.Errorf("type %q is not supported: use text or json (bodies are never served as HTML)", clip(t))
	}
	if v, ok := q["body"]; ok {
		if len(v[0]) > maxCustomBody {
			return o, fmt.Errorf("body is %d bytes; at most %d are allowed", len(v[0]), maxCustomBody)
		}
		o.body, o.hasBody, o.bodyJSON = []byte(v[0]), true, o.typeJSON
		if o.bodyJSON && !json.Valid(o.body) {
			return o, errors.New("type=json but body is not valid JSON")
		}
	}
	if v, ok := q["location"]; ok {
		if err := s.checkRedirectTargetFor(r, v[0]); err != nil {
			return o, fmt.Errorf("location: %w", err)
		}
		o.location = v[0]
	}
	if v, ok := q["retry_after"]; ok {
		if err := checkRetryAfter(v[0]); err != nil {
			return o, err
		}
		o.retryAfter = v[0]
	}
	if v, ok := q["fault"]; ok {
		if _, known := faults[v[0]]; !known {
			names := make([]string, 0, len(faults))
			for f := range faults {
				names = append(names, f)
			}
			sort.Strings(names)
			return o, fmt.Errorf("fault %q is unknown; use one of %s", clip(v[0]), strings.Join(names, ", "))
		}
		o.fault = v[0]
	}
	if v, ok := q["reason"]; ok {
		if err := checkReason(v[0]); err != nil {
			return o, err
		}
		o.reason, o.hasReason = v[0], true
	}
	if v, ok := q["challenge"]; ok {
		if !slices.Contains(challengeSchemes, v[0]) {
			return o, fmt.Errorf("challenge %q is unknown; use one of %s", clip(v[0]), strings.Join(challengeSchemes, ", "))
		}
		o.challenge = v[0]
	}
	if v, ok := q["seed"]; ok {
		seed, err := strconv.ParseUint(v[0], 10, 64)
		if err != nil {
			return o, fmt.Errorf("seed %q is not a whole number from 0 to 18446744073709551615", clip(v[0]))
		}
		o.float = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)).Float64
	}
	return o, s.checkAgainstCodes(&o, q)
}

// hasCompatHeaders reports whether the request carries httpstat.us's
// option headers.
func hasCompatHeaders(h http.Header) bool {
	for key := range h {
		if strings.HasPrefix(key, "X-Httpstatus-") {
			return true
		}
	}
	return false
}

// checkAgainstCodes refuses options that no chosen code could honour, so
// that nothing the client asked for is silently dropped.
func (s *server) checkAgainstCodes(o *statusOptions, q url.Values) error {
	anyInterim, anyLocation := false, false
	for _, c := range o.choices {
		anyInterim = anyInterim || (c.code < 200 && c.code != 101)
		anyLocation = anyLocation || c.code == 201 || (c.code >= 300 && c.code < 400 && c.code != 304)
	}
	o.then = http.StatusOK
	if v, ok := q["then"]; ok {
		if !anyInterim {
			return errors.New("then= sets the final response after a 1xx code, and no code in the list is 1xx")
		}
		code, err := parseStatusCode(v[0])
		if err != nil {
			return fmt.Errorf("then: %w", err)
		}
		if code < 200 {
			return fmt.Errorf("then=%d: the final response must be 2xx-5xx", code)
		}
		o.then = code
	}
	anyChallenge := false
	for _, c := range o.choices {
		final := c.code
		if final < 200 && final != 101 {
			final = o.then
		}
		anyChallenge = anyChallenge || final == http.StatusUnauthorized || final == http.StatusProxyAuthRequired
	}
	if o.challenge != "" && !anyChallenge {
		return errors.New("challenge= picks the scheme of a 401 or 407 challenge, and neither is in the list")
	}
	if o.location != "" && !anyLocation {
		return errors.New("location= only applies to 201 and 3xx codes (except 304), and none is in the list")
	}
	for _, c := range o.choices {
		final := c.code
		if final < 200 && final != 101 {
			final = o.then
		}
		if o.hasBody && len(o.body) == 0 && final == http.StatusPartialContent {
			return errors.New("a 206 response carries part of a body, and body= is empty")
		}
		if o.hasBody && s.bodyForbidden(final) {
			return fmt.Errorf("a %d response cannot carry a body (RFC 9110), so body= cannot be used with it", final)
		}
		if (o.fault == "truncate" || o.fault == "dribble") && s.bodyForbidden(final) {
			return fmt.Errorf("fault=%s needs a body, and a %d response has none", o.fault, final)
		}
	}
	return nil
}

// bodyForbidden reports whether the catalogue forbids content for code,
// from the table built at start-up.
func (s *server) bodyForbidden(code int) bool {
	return s.codes[code].entry.Body == httpstatus.BodyForbidden
}

// checkReason accepts a reason phrase as RFC 9112 §4 allows one: tabs,
// spaces, visible ASCII and obs-text, possibly none at all.
func checkReason(v string) error {
	if len(v) > maxReason {
		return fmt.Errorf("reason is %d bytes; at most %d are allowed", len(v), maxReason)
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c != '\t' && (c < 0x20 || c == 0x7f) {
			return fmt.Errorf("reason may not contain control characters such as %q (byte %d): a status line ends at the first CR or LF", string(c), i)
		}
	}
	return nil
}

// checkRetryAfter accepts delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
func checkRetryAfter(v string) error {
	if n, err := strconv.ParseUint(v, 10, 32); err == nil && n <= 1<<31 {
		return nil
	}
	if _, err := http.ParseTime(v); err == nil {
		return nil
	}
	return fmt.Errorf("retry_after %q is neither a number of seconds nor an HTTP-date", clip(v))
}

// checkRedirectTarget allows relative references and absolute http(s)
// URLs on an allow-listed host, so that the service is no open redirect.
func (s *server) checkRedirectTarget(target string) error {
	return s.checkRedirectTargetFor(nil, target)
}

// checkRedirectTargetFor accepts a URL that location=, /redirect-to and
// /response-headers may send a client to: a relative URL, an absolute
// one on this same server (the host r reached, or --public-url's), or
// one on a host --allow-redirect-host allows. Anything else would make
// the service an open redirect.
func (s *server) checkRedirectTargetFor(r *http.Request, target string) error {
	if target == "" {
		return errors.New("empty URL")
	}
	if strings.IndexFunc(target, unicode.IsControl) >= 0 || strings.ContainsAny(target, " \\") {
		return fmt.Errorf("%q contains spaces, backslashes or control characters", clip(target))
	}
	u, err := url.Parse(target)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %v", clip(target), err)
	}
	if u.Scheme == "" && u.Host == "" && !strings.HasPrefix(target, "//") {
		return nil
	}
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "" {
		return fmt.Errorf("%q: only relative URLs or http(s) URLs on an allowed host are accepted", clip(target))
	}
	if r != nil && s.isSelf(r, u) {
		return nil // a redirect to this same server is not an open redirect
	}
	host := strings.ToLower(u.Hostname())
	for _, allowed := range s.opts.AllowRedirectHosts {
		if host == strings.ToLower(allowed) {
			return nil
		}
	}
	if len(s.opts.AllowRedirectHosts) == 0 {
		return fmt.Errorf("%q is on another host; this server allows only relative URLs (start it with --allow-redirect-host to allow hosts)", clip(target))
	}
	return fmt.Errorf("host %q is not allowed; allowed hosts: %s", clip(host), strings.Join(s.opts.AllowRedirectHosts, ", "))
}

// isSelf reports whether u is on this server: the same scheme-relative
// or http(s) origin as the base of absolute URLs the service builds
// (--public-url, else the Host the client used), default ports
// included or not.
func (s *server) isSelf(r *http.Request, u *url.URL) bool {
	base, err := s.baseURL(r)
	if err != nil {
		return false
	}
	b, err := url.Parse(base)
	if err != nil || (u.Scheme != "" && u.Scheme != b.Scheme) {
		return false
	}
	hostport := func(v *url.URL) string {
		port := v.Port()
		if port == "" || (b.Scheme == "http" && port == "80") || (b.Scheme == "https" && port == "443") {
			port = ""
		}
		return strings.ToLower(strings.TrimSuffix(v.Hostname(), ".")) + ":" + port
	}
	return u.User == nil && hostport(u) == hostport(b)
}

// handleStatus serves /status/{codes}.
func (s *server) handleStatus(w http.ResponseWriter, r *http.Request) {
	spec := r.PathValue("codes")
	if code, err := parseStatusCode(spec); err == nil {
		s.serveStatus(w, r, s.codes[code].single) // one code: nothing to split
		return
	}
	choices, err := parseCodes(spec)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "%v", err)
		return
	}
	s.serveStatus(w, r, choices)
}

// handleRandom serves /random/{list}.
func (s *server) handleRandom(w http.ResponseWriter, r *http.Request) {
	choices, err := parseCodeRanges(r.PathValue("list"))
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "%v", err)
		return
	}
	s.serveStatus(w, r, choices)
}

func (s *server) serveStatus(w http.ResponseWriter, r *http.Request, choices []choice) {
	o, err := s.parseStatusOptions(r, choices)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "%v", err)
		return
	}
	code := pick(o.choices, o.float)
	if o.fault == "reset" {
		resetConnection(w)
		return
	}
	if o.sleep > 0 || o.fault == "dribble" {
		// A dribbled body holds its connection as long as a sleep does.
		if !s.acquireSleeper() {
			s.refuseSleeper(w, r)
			return
		}
		if o.fault == "dribble" {
			defer s.releaseSleeper() // the place is held while the body trickles
		} else {
			awake := sleepFor(w, r, o.sleep, code == http.StatusProcessing)
			s.releaseSleeper() // what follows (a WebSocket session) has limits of its own
			if !awake {
				return // the client left; nothing to answer
			}
		}
	}
	switch {
	case code == http.StatusSwitchingProtocols:
		s.switchProtocols(w, r, &o)
		return
	case code < 200 && !r.ProtoAtLeast(1, 1):
		withholdInterim(w, code)
		code = o.then
	case code == http.StatusProcessing && o.sleep > 0 && o.fault != "dribble":
		code = o.then // the sleep sent the 102s, at 0 s and every second
	case code < 200:
		s.sendInterim(w, r, code, &o)
		code = o.then
	}
	s.writeFinal(w, r, code, &o)
}

// interimWithheldHeader tells an HTTP/1.0 client on the final response
// that the interim response it asked for was not sent, and why.
const interimWithheldHeader = "X-Httpstatus-Interim-Withheld"

// withholdInterim notes on the final response that the 1xx code was not
// sent: RFC 9110 §15.2 forbids sending a 1xx to an HTTP/1.0 client,
// which would take it for the final response.
func withholdInterim(w http.ResponseWriter, code int) {
	w.Header().Set(interimWithheldHeader, strconv.Itoa(code)+"; an HTTP/1.0 client is never sent a 1xx response (RFC 9110 section 15.2)")
}

// acquireSleeper takes one of the MaxSleepers places; false when full.
func (s *server) acquireSleeper() bool {
	if s.sleepers.Add(1) > int64(s.opts.MaxSleepers) {
		s.sleepers.Add(-1)
		return false
	}
	return true
}

func (s *server) releaseSleeper() { s.sleepers.Add(-1) }

// refuseSleeper answers a request that would sleep when every place is
// taken. Retry-After is --max-delay: no sleep or dribble lasts longer, so
// by then every place taken now has been given back.
func (s *server) refuseSleeper(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(s.opts.MaxDelay.Seconds()))))
	s.fail(w, r, http.StatusServiceUnavailable, "too many requests are sleeping or dribbling at once (%d, the --max-sleepers limit); retry after the time in Retry-After", s.opts.MaxSleepers)
}

// sleepFor waits d, or less if the client goes away (then it returns
// false). With processing it sends 102 Processing at once and every
// second, as a server working on a long request would.
func sleepFor(w http.ResponseWriter, r *http.Request, d time.Duration, processing bool) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	var tick <-chan time.Time
	if processing && r.ProtoAtLeast(1, 1) {
		w.WriteHeader(http.StatusProcessing)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-timer.C:
			return true
		case <-r.Context().Done():
			return false
		case <-tick:
			w.WriteHeader(http.StatusProcessing)
		}
	}
}
