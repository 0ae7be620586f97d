package server

// The attack test is the project's memory of what was tried against the
// service: tables of hostile inputs, each line saying what attack it
// stands for. Every case is written as raw bytes to a fresh TCP connection
// of a real listener, and every answer must keep the invariants of check:
// no 5xx nobody asked for, no hang, a size bounded by what was sent, no
// off-site Location, every error the service raises in its one error
// shape, and /healthz still 200 after each family. To add an attack, add a
// line to a table; routes come from attackRoutes, which must cover every
// route of routes.go (TestAttackRoutesAreCovered).

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Bounds of one exchange: the answer must be complete within
// attackTimeout and at most attackRatio×sent + attackSlack bytes (plus the
// route's allowance, see attackRoute.allow).
const (
	// The race detector slows the server ten times or more (the first
	// brotli encoding of /codes.json takes seconds under it, 70 ms without).
	attackTimeout = 4 * time.Second * raceSlowdown
	attackRatio   = 4
	attackSlack   = 64 << 10
	attackWorkers = 16
)

// allowance names what a route may send whatever the request: the size
// bound grants it on top of attackRatio×sent + attackSlack.
type allowance int

const (
	allowNone    allowance = iota
	allowDoc               // a fixed catalogue document or page: its own size, measured once
	allowRange             // /range/{n}: up to --max-body bytes (README)
	allowInspect           // the inspector's report: the first 64 KiB of a body, as JSON or in the tester page
)

// attackRoute is a request each route of routes.go answers normally, so
// that attacks reach the route's own code and not only its first check.
type attackRoute struct {
	pattern string   // exactly as in routes.go
	method  string   // "" is GET
	path    string   // a target the pattern serves
	lines   []string // header lines the sample needs
	body    string   // the sample's body (its Content-Type is in lines)
	params  []string // the query parameters it takes: each gets every hostile value
	args    bool     // it reflects every query parameter (an echo), so unknown ones are not ignored
	reads   bool     // it reads the body: one over --max-body must be refused
	allow   allowance
}

const jsonCT = "Content-Type: application/json"

var attackRoutes = []attackRoute{
	{pattern: "/healthz", path: "/healthz"},
	{pattern: "/status/{codes}", path: "/status/200", params: statusParams},
	{pattern: "/status/", path: "/status/200/extra"},
	{pattern: "/random/{list}", path: "/random/200,201", params: statusParams},
	{pattern: "/ratelimit", path: "/ratelimit?key=attack&limit=100000", params: []string{"limit", "window", "key"}},
	{pattern: "/upload", method: "POST", path: "/upload", lines: []string{"Content-Type: text/plain"}, body: "x", params: []string{"require_length", "accept"}, reads: true},
	{pattern: "/negotiate", path: "/negotiate"},
	{pattern: "/redirect/{n}", path: "/redirect/2", params: []string{"absolute"}},
	{pattern: "/relative-redirect/{n}", path: "/relative-redirect/2", params: []string{"absolute"}},
	{pattern: "/absolute-redirect/{n}", path: "/absolute-redirect/2", params: []string{"absolute"}},
	{pattern: "/redirect-to", path: "/redirect-to?url=/get", params: []string{"url", "status_code"}},
	{pattern: "/delay/{seconds}", path: "/delay/0", args: true, reads: true},
	{pattern: "/basic-auth/{user}/{passwd}", path: "/basic-auth/u/p", lines: []string{"Authorization: Basic dTpw"}},
	{pattern: "/hidden-basic-auth/{user}/{passwd}", path: "/hidden-basic-auth/u/p", lines: []string{"Authorization: Basic dTpw"}},
	{pattern: "/bearer", path: "/bearer", lines: []string{"Authorization: Bearer t0k3n"}},
	{pattern: "/cache", path: "/cache", args: true},
	{pattern: "/cache/{n}", path: "/cache/60", args: true},
	{pattern: "/etag/{etag}", path: "/etag/abc", args: true},
	{pattern: "/range/{n}", path: "/range/1024", allow: allowRange},
	{pattern: "/response-headers", path: "/response-headers?X-A=1", args: true},
	{pattern: "/get", path: "/get", args: true},
	{pattern: "/anything", method: "POST", path: "/anything", lines: []string{jsonCT}, body: `{"a":1}`, args: true, reads: true},
	{pattern: "/anything/", method: "POST", path: "/anything/x/y", lines: []string{jsonCT}, body: `{"a":1}`, args: true, reads: true},
	{pattern: "/api/v1/codes", path: "/api/v1/codes", params: []string{"class", "unofficial"}, allow: allowDoc},
	{pattern: "/api/v1/codes/{code}", path: "/api/v1/codes/404", allow: allowDoc},
	{pattern: "/api/v1/search", path: "/api/v1/search?q=rate+limit", params: []string{"q"}, allow: allowDoc},
	{pattern: "/api/v1/inspect", method: "POST", path: "/api/v1/inspect", lines: []string{jsonCT}, body: `{"path":"/status/418"}`, reads: true, allow: allowInspect},
	{pattern: "/api/v1/openapi.json", path: "/api/v1/openapi.json", allow: allowDoc},
	{pattern: "/codes.json", path: "/codes.json", allow: allowDoc},
	{pattern: "/codes.csv", path: "/codes.csv", allow: allowDoc},
	{pattern: "/search", path: "/search?q=teapot", params: []string{"q"}, allow: allowDoc},
	{pattern: "/tester", path: "/tester?code=418", params: testerFields, allow: allowInspect},
	{pattern: "/check", path: "/check?url=http%3A%2F%2F127.0.0.1%2F", params: []string{"url", "method", "follow"}, allow: allowInspect}, // refused: a loopback address
	{pattern: "/api/v1/check", method: "POST", path: "/api/v1/check", lines: []string{jsonCT}, body: `{"url":"http://127.0.0.1/"}`, reads: true, allow: allowInspect},
	{pattern: "/static/{file}", path: "/static/site.css", allow: allowDoc},
	{pattern: "/", path: "/404", allow: allowDoc},
}

// routePatterns lists the patterns routes.go registers, in its order.
func routePatterns(src string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`mux\.HandleFunc\("([^"]+)"`).FindAllStringSubmatch(src, -1) {
		out = append(out, m[1])
	}
	return out
}

// uncovered reports routes with no sample and samples of no route.
func uncovered(patterns []string, table []attackRoute) (missing, stale []string) {
	sampled := map[string]bool{}
	for _, r := range table {
		sampled[r.pattern] = true
		if !slices.Contains(patterns, r.pattern) {
			stale = append(stale, r.pattern)
		}
	}
	for _, p := range patterns {
		if !sampled[p] {
			missing = append(missing, p)
		}
	}
	return missing, stale
}

// TestAttackRoutesAreCovered fails when routes.go gains a route the attack
// tables do not reach, or loses one they still name.
func TestAttackRoutesAreCovered(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	patterns := routePatterns(string(src))
	if len(patterns) < 30 {
		t.Fatalf("found only %d routes in routes.go: has the mux.HandleFunc form changed?", len(patterns))
	}
	missing, stale := uncovered(patterns, attackRoutes)
	if len(missing) > 0 {
		t.Errorf("routes with no sample in attackRoutes (add one): %v", missing)
	}
	if len(stale) > 0 {
		t.Errorf("attackRoutes names routes routes.go no longer has: %v", stale)
	}
	// Each sample must reach its own pattern, or the attacks test another route.
	mux := patternMux()
	for _, r := range attackRoutes {
		u, _ := url.Parse(r.path)
		if _, got := mux.Handler(&http.Request{Method: "GET", URL: u, Host: "x"}); got != r.pattern {
			t.Errorf("sample %s reaches %q, not %q", r.path, got, r.pattern)
		}
	}
}

// patternMux maps a path to the pattern of routes.go that serves it.
func patternMux() *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range attackRoutes {
		mux.HandleFunc(r.pattern, func(http.ResponseWriter, *http.Request) {})
	}
	return mux
}

// attack is one hostile exchange.
type attack struct {
	name      string
	raw       string // the bytes sent; {host} stands for the server's host:port
	answers   int    // final responses to read (pipelining); 0 means 1
	reject    bool   // the service must refuse it: a 4xx in the error shape, never a silent success
	want      int    // when not 0, the status the (last) final answer must have
	netHTTP   bool   // net/http refuses it before any handler runs: its own plain-text 4xx, 501 or 505 is right
	mayDrop   bool   // the server may close the connection without an answer
	halfClose bool   // shut the write side after sending: the request is all there will be
	// afterContinue is the body withheld behind Expect: 100-continue,
	// sent only once a 100 Continue arrives, as a careful client does.
	afterContinue string
}

// request renders an HTTP/1.1 request. Host: {host} is added unless a line
// sets Host, Content-Length for a body unless a line frames it.
func request(method, target, body string, lines ...string) string {
	var b strings.Builder
	b.WriteString(method + " " + target + " HTTP/1.1\r\n")
	hasHost, framed := false, false
	for _, l := range lines {
		low := strings.ToLower(l)
		hasHost = hasHost || strings.HasPrefix(low, "host:")
		framed = framed || strings.HasPrefix(low, "content-length:") || strings.HasPrefix(low, "transfer-encoding:")
	}
	if !hasHost {
		b.WriteString("Host: {host}\r\n")
	}
	for _, l := range lines {
		b.WriteString(l + "\r\n")
	}
	if body != "" && !framed {
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String() + body
}

// answer is what came back on one connection.
type answer struct {
	responses []*http.Response // interim and final, in order
	bodies    [][]byte
	finals    int
	sent      int
	received  int   // bytes read, at most limit+1
	err       error // what ended the reading before every expected answer
}

// readAnswer parses up to want final responses (and the interim ones
// before them) from r, reading at most limit+1 bytes; onContinue runs at
// a 100 Continue.
func readAnswer(r io.Reader, method string, want, limit int, onContinue func()) answer {
	cr := &countingReader{r: io.LimitReader(r, int64(limit)+1)}
	br := bufio.NewReader(cr)
	var ans answer
	for ans.finals < max(want, 1) {
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			ans.err = err
			break
		}
		body, err := io.ReadAll(resp.Body)
		ans.responses, ans.bodies = append(ans.responses, resp), append(ans.bodies, body)
		if err != nil {
			ans.err = err
			break
		}
		if resp.StatusCode >= 200 || resp.StatusCode == http.StatusSwitchingProtocols {
			ans.finals++
		}
		if resp.StatusCode == http.StatusContinue && onContinue != nil {
			onContinue()
		}
	}
	ans.received = cr.n
	return ans
}

// String lists the statuses, net/http's own answers marked.
func (ans answer) String() string {
	var s []string
	for _, r := range ans.responses {
		s = append(s, r.Status+map[bool]string{true: " (net/http)"}[byNetHTTP(r)])
	}
	if ans.err != nil {
		s = append(s, "then "+ans.err.Error())
	}
	return strings.Join(s, ", ")
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// sendAttack sends a on a new connection to addr and reads the answer,
// writing and reading at once so that a server answering early (413)
// never deadlocks the test, everything within timeout.
func sendAttack(addr string, a attack, limit int, timeout time.Duration) answer {
	raw := strings.ReplaceAll(a.raw, "{host}", addr)
	conn, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return answer{err: err, sent: len(raw)}
	}
	conn.SetDeadline(time.Now().Add(timeout))
	done := make(chan struct{})
	go func() {
		defer close(done)
		// A write error is the server closing early; the answer tells.
		if _, err := io.WriteString(conn, raw); err == nil && a.halfClose {
			conn.(*net.TCPConn).CloseWrite()
		}
	}()
	method, _, _ := strings.Cut(raw, " ")
	ans := readAnswer(conn, method, a.answers, limit, func() {
		<-done
		io.WriteString(conn, a.afterContinue)
	})
	ans.sent = len(raw)
	conn.Close()
	<-done
	return ans
}

// checkEnv is what the checks need to know about the server.
type checkEnv struct {
	host  string           // the listener's host:port: the only host a Location may name
	allow func(string) int // the size allowance of a request target
}

// boundOf parses a's request (nil when malformed) and gives the most its
// answer may weigh.
func boundOf(a attack, env checkEnv) (*http.Request, int) {
	raw := strings.ReplaceAll(a.raw, "{host}", env.host)
	req, _ := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
	limit := attackRatio*len(raw) + attackSlack
	if req != nil {
		limit += env.allow(req.RequestURI)
	}
	return req, limit
}

// check returns every invariant a's answer breaks.
func check(a attack, ans answer, env checkEnv) []string {
	req, limit := boundOf(a, env)
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	add(checkSize(ans, limit))
	add(checkFinished(a, ans, limit))
	for i, resp := range ans.responses {
		add(checkHeaders(resp, env.host))
		if resp.StatusCode < 200 {
			continue
		}
		add(checkNo5xx(a, req, resp, ans.bodies[i]))
		add(checkErrorShape(a, req, resp, ans.bodies[i]))
	}
	if last := lastFinal(ans); last != nil {
		if a.reject && (last.StatusCode < 400 || last.StatusCode >= 500) {
			add(fmt.Sprintf("answered %s: the hostile input must be refused with a 4xx, not silently accepted", last.Status))
		}
		if a.want != 0 && last.StatusCode != a.want {
			add(fmt.Sprintf("answered %s, want %d", last.Status, a.want))
		}
	}
	return out
}

func lastFinal(ans answer) *http.Response {
	for i := len(ans.responses) - 1; i >= 0; i-- {
		if c := ans.responses[i].StatusCode; c >= 200 || c == 101 {
			return ans.responses[i]
		}
	}
	return nil
}

// checkSize bounds the answer by what was sent.
func checkSize(ans answer, limit int) string {
	if ans.received <= limit {
		return ""
	}
	size, n := fmt.Sprintf("more than %d bytes", limit), int64(ans.received-1)
	if resp := lastFinal(ans); resp != nil && resp.ContentLength > int64(limit) {
		size, n = fmt.Sprintf("%d bytes (its Content-Length)", resp.ContentLength), resp.ContentLength
	}
	return fmt.Sprintf("answer is %s for %d sent: %.1f× what was sent, over the bound %d×sent + %d KiB + allowance", size, ans.sent, float64(n)/float64(ans.sent), attackRatio, attackSlack>>10)
}

// checkFinished: every expected answer arrived within the time bound.
func checkFinished(a attack, ans answer, limit int) string {
	var ne net.Error
	switch {
	case ans.received > limit:
		return "" // cut off by the size check, which reports it
	case errors.As(ans.err, &ne) && ne.Timeout():
		return fmt.Sprintf("hang: %d of %d answers within %v: %s", ans.finals, max(a.answers, 1), attackTimeout, ans)
	case ans.finals < max(a.answers, 1) && !a.mayDrop:
		return fmt.Sprintf("connection ended after %d of %d answers: %s", ans.finals, max(a.answers, 1), ans)
	}
	return ""
}

// checkHeaders: a Location is relative, or absolute on the server's own
// host (never another host, userinfo or another scheme), and no header is
// one an attacker smuggled in.
func checkHeaders(resp *http.Response, host string) string {
	for _, loc := range resp.Header.Values("Location") {
		if why := offSite(loc, host); why != "" {
			return fmt.Sprintf("%s has Location %q: %s", resp.Status, clip(loc), why)
		}
	}
	for name := range resp.Header {
		if strings.Contains(strings.ToLower(name), "injected") {
			return fmt.Sprintf("%s carries the injected header %s", resp.Status, name)
		}
	}
	return ""
}

func offSite(loc, host string) string {
	if strings.ContainsAny(loc, "\\\r\n\t\x00") {
		return "backslash or control character (browsers read /\\ as //)"
	}
	if strings.HasPrefix(loc, "//") {
		return "scheme-relative: another host"
	}
	u, err := url.Parse(loc)
	if err != nil {
		return "not a URL"
	}
	switch {
	case u.Scheme == "" && u.Host == "":
		return ""
	case u.Scheme != "http" && u.Scheme != "https":
		return "scheme " + u.Scheme
	case u.User != nil:
		return "userinfo in an absolute URL"
	case u.Host != host:
		return fmt.Sprintf("host %q is not this server (%s)", u.Host, host)
	}
	return ""
}

// asked reports whether the request's target asks for code: /status/
// and /random/ lists, and then= after a 1xx.
func asked(req *http.Request, code int) bool {
	if req == nil {
		return false
	}
	var choices []choice
	var err error
	switch p := req.URL.Path; {
	case strings.HasPrefix(p, "/status/"):
		choices, err = parseCodes(strings.TrimPrefix(p, "/status/"))
	case strings.HasPrefix(p, "/random/"):
		choices, err = parseCodeRanges(strings.TrimPrefix(p, "/random/"))
	}
	if err != nil {
		return false
	}
	then := req.URL.Query().Get("then")
	for _, c := range choices {
		if c.code == code || c.code < 200 && c.code != 101 && (then == strconv.Itoa(code) || then == "" && code == 200) {
			return true
		}
	}
	return false
}

// byNetHTTP reports an answer net/http wrote itself: the middleware puts
// Access-Control-Allow-Origin on everything the service answers.
func byNetHTTP(resp *http.Response) bool { return resp.Header.Get("Access-Control-Allow-Origin") == "" }

// checkNo5xx: a 5xx only when asked for, 503 from a documented limit, 501
// for an unknown method (or net/http's own 501/505 on a framing case).
func checkNo5xx(a attack, req *http.Request, resp *http.Response, body []byte) string {
	code := resp.StatusCode
	switch {
	case code < 500 || asked(req, code):
		return ""
	case a.netHTTP && byNetHTTP(resp) && (code == 501 || code == 505):
		return ""
	case code == 503 && resp.Header.Get("Retry-After") != "" && isErrorShape(code, resp, body):
		return ""
	case code == 501 && req != nil && !knownMethods[req.Method] && isErrorShape(code, resp, body):
		return ""
	}
	return fmt.Sprintf("unasked-for %s: %q", resp.Status, clip(string(body)))
}

// checkErrorShape: a 4xx the service raises is {"status","error","detail"}
// (or its text form when the client prefers text/plain).
func checkErrorShape(a attack, req *http.Request, resp *http.Response, body []byte) string {
	code := resp.StatusCode
	switch {
	case code < 400 || code >= 500 || asked(req, code):
		return ""
	case req == nil || a.netHTTP && byNetHTTP(resp):
		if !byNetHTTP(resp) && !isErrorShape(code, resp, body) {
			return fmt.Sprintf("%s from the service without the error shape: %q", resp.Status, clip(string(body)))
		}
		return "" // net/http refused the request before any handler: its plain text is all there is
	case req.Method == http.MethodHead:
		return ""
	case strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && (req.URL.Path == "/tester" || code == 404 && prefersHTML(req)):
		return "" // the site's pages: the tester shows form errors in the page, browsers get the 404 page (README)
	case prefersText(req):
		if !strings.HasPrefix(string(body), strconv.Itoa(code)+" ") || !strings.Contains(string(body), ": ") {
			return fmt.Sprintf("%s without the text error form: %q", resp.Status, clip(string(body)))
		}
		return ""
	case !isErrorShape(code, resp, body):
		return fmt.Sprintf("%s without the JSON error shape {\"status\",\"error\",\"detail\"}: %s %q", resp.Status, resp.Header.Get("Content-Type"), clip(string(body)))
	}
	return ""
}

func prefersHTML(req *http.Request) bool {
	return negotiate(req.Header.Get("Accept"), []string{"application/json", "text/html"}) == "text/html"
}

// isErrorShape reports whether body is exactly the service's error object
// for code, with a detail.
func isErrorShape(code int, resp *http.Response, body []byte) bool {
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var e errorBody
	return dec.Decode(&e) == nil && e.Status == code && e.Error != "" && strings.TrimSpace(e.Detail) != ""
}

// runAttacks sends the cases to a server of their own, with attackWorkers
// exchanges at once, reports each as a subtest, then checks /healthz.
func runAttacks(t *testing.T, opts Options, cases []attack) {
	ts := newAttackServer(t, opts)
	env := checkEnv{host: ts.Listener.Addr().String(), allow: allowances(t, ts, opts)}
	answers := make([]answer, len(cases))
	var wg sync.WaitGroup
	sem := make(chan struct{}, attackWorkers)
	for i, a := range cases {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			_, limit := boundOf(a, env)
			answers[i] = sendAttack(env.host, a, limit, attackTimeout)
		}()
	}
	wg.Wait()
	for i, a := range cases {
		t.Run(a.name, func(t *testing.T) {
			t.Logf("%s: %d bytes for %d sent", answers[i], answers[i].received, answers[i].sent)
			for _, v := range check(a, answers[i], env) {
				t.Errorf("%s\nrequest: %q", v, clip(a.raw))
			}
		})
	}
	checkHealthy(t, ts)
}

// newAttackServer is newTestServer with --public-url naming the listener,
// as README asks of every public deployment: absolute URLs must then name
// this server whatever Host or request target a client sends.
func newAttackServer(t *testing.T, opts Options) *httptest.Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	opts.PublicURL = "http://" + ln.Addr().String()
	ts := httptest.NewUnstartedServer(newServer(opts).handler)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// checkHealthy: the server still answers /healthz after a family.
func checkHealthy(t *testing.T, ts *httptest.Server) {
	t.Helper()
	c := &http.Client{Timeout: attackTimeout}
	resp, err := c.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatalf("after the attacks /healthz does not answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("after the attacks /healthz answers %s", resp.Status)
	}
}

var (
	docSizes     map[string]int // per pattern: its fixed document and header section
	docSizesOnce sync.Once
)

// allowances measures the fixed documents once (the catalogue is the same
// in every server) and maps a request target to its route's allowance.
func allowances(t *testing.T, ts *httptest.Server, opts Options) func(string) int {
	docSizesOnce.Do(func() {
		docSizes = map[string]int{}
		for _, path := range []string{"/", "/404"} { // "/" serves the index, the largest page, and code pages
			_, body := get(t, ts.URL+path)
			docSizes["/"] = max(docSizes["/"], len(body)+4<<10)
		}
		for _, r := range attackRoutes {
			if r.allow != allowNone && r.pattern != "/" {
				_, body := get(t, ts.URL+r.path)
				docSizes[r.pattern] = len(body) + 4<<10
			}
		}
	})
	mux, kinds := patternMux(), map[string]allowance{}
	for _, r := range attackRoutes {
		kinds[r.pattern] = r.allow
	}
	return func(target string) int {
		u, err := url.ParseRequestURI(target)
		if err != nil {
			return 0
		}
		_, p := mux.Handler(&http.Request{Method: "GET", URL: u, Host: "x"})
		switch kinds[p] {
		case allowDoc:
			return docSizes[p]
		case allowRange:
			return int(opts.Defaults().MaxBodyBytes)
		case allowInspect: // each of up to 11 exchanges shows 64 KiB of body
			return docSizes[p] + inspectShowBody*(inspectMaxRedirects+1)
		}
		return 0
	}
}

// withQuery appends q to a target's query.
func withQuery(target, q string) string {
	if strings.Contains(target, "?") {
		return target + "&" + q
	}
	return target + "?" + q
}

// withoutType is the sample's header lines but its Content-Type.
func (r attackRoute) withoutType() (out []string) {
	for _, l := range r.lines {
		if !strings.HasPrefix(l, "Content-Type:") {
			out = append(out, l)
		}
	}
	return out
}

// sample renders the route's own request with extra header lines and target.
func (r attackRoute) sample(target string, lines ...string) string {
	return request(cmp.Or(r.method, "GET"), target, r.body, append(append([]string{}, r.lines...), lines...)...)
}

// Rejection rules of a hostile query.
const (
	rejectNever   = iota
	rejectAlways  // no route may accept it (README: nothing is silently ignored)
	rejectUnknown // an unknown parameter: every route but the echoes refuses it
)

// hostileQueries are appended to the query of every route's sample.
var hostileQueries = []struct {
	name, query string
	reject      int
}{
	{"bad escape %zz", "a=%zz", rejectAlways},                                   // net/url drops the pair: a silent no-op
	{"lone percent", "a=%", rejectAlways},                                       // truncated escape at the end
	{"half escape", "a=%0", rejectAlways},                                       // one hex digit
	{"bad escape in key", "%zz=1", rejectAlways},                                // the key itself undecodable
	{"semicolon separator", "a=1;b=2", rejectAlways},                            // ; was a separator once: parser differential
	{"lone semicolon", ";", rejectAlways},                                       // the same, alone
	{"NUL value", "zzz=%00", rejectNever},                                       // C-string truncation
	{"control bytes", "zzz=%01%1b%7f%0d%0a", rejectNever},                       // terminal escapes, CRLF for log or header injection
	{"invalid UTF-8", "zzz=%ff%fe%c0%af", rejectNever},                          // overlong / invalid sequences
	{"unknown parameter", "zzz=1", rejectUnknown},                               // a typo must be reported
	{"repeated unknown", strings.Repeat("zzz=1&", 2000) + "z=1", rejectUnknown}, // map growth per repeat
	{"empty pairs", "&&&=&", rejectNever},                                       // empty keys and values
	{"bracket keys", "a[]=1&a[b][c]=2", rejectUnknown},                          // PHP/Rails-style nesting
	{"huge number", "zzz=" + strings.Repeat("9", 400), rejectNever},             // overflow in any numeric parse
	{"long value", "zzz=" + strings.Repeat("a", 100<<10), rejectNever},          // half the URI limit
	{"many escapes", "zzz=" + strings.Repeat("%41", 60<<10), rejectNever},       // 180 KiB of escapes, under --max-uri
}

// hostileValues go into every parameter a route takes.
var hostileValues = []struct{ name, value string }{
	{"empty", ""}, {"NUL", "%00"}, {"space", "%201"}, {"invalid UTF-8", "%ff"}, // present but empty, C-string truncation, padding, not text
	{"negative", "-1"}, {"zero", "0"}, {"huge", "99999999999999999999999"}, // signedness, empty ranges, integer overflow
	{"NaN", "NaN"}, {"Inf", "Inf"}, {"-Inf", "-Inf"}, {"1e309", "1e309"}, {"hex float", "0x1p-2"}, // float parses that compare false, overflow, Go-only syntax
	{"newline", "1%0d%0aInjected:%201"},                                             // CRLF header injection
	{"long", strings.Repeat("a", 4097)},                                             // over the 4 KiB header value cap
	{"over 64 KiB", strings.Repeat("a", 64<<10+1)},                                  // over the body= cap
	{"scheme-relative", "//evil.example/"}, {"off-site", "http://evil.example/get"}, // open redirect
	{"javascript", "javascript:alert(1)"}, {"backslash host", "%5C%5Cevil.example"}, // script URL; \\ read as // by browsers
	{"userinfo", "http://127.0.0.1@evil.example/"}, // host confusion
	{"repeated", "1&%[1]s=2"},                      // the parameter given twice: a 400 (README), but for header=
}

// hostileSegments replace the path parameters of routes.
var hostileSegments = []struct{ name, value string }{
	{"NUL", "%00"}, {"negative", "-1"}, {"zero", "0"}, {"huge", "99999999999999999999999"}, // numeric parses
	{"NaN", "NaN"}, {"Inf", "Inf"}, {"1e309", "1e309"}, {"tiny", "1e-400"}, // float parses
	{"encoded slash", "a%2Fb"}, {"dot-dot", ".."}, {"encoded dot-dot", "%2e%2e"}, // path confusion
	{"invalid UTF-8", "%ff%fe"}, {"quote", "%22"}, {"markup", "%3Cscript%3E"}, // escaping
	{"long", strings.Repeat("9", 8<<10)},                 // one long segment
	{"many codes", strings.Repeat("200,", 1000) + "200"}, // over the 100-entry list cap
}

func queryAttacks() []attack {
	var out []attack
	for _, r := range attackRoutes {
		for _, q := range hostileQueries {
			reject := q.reject == rejectAlways || q.reject == rejectUnknown && !r.args
			out = append(out, attack{name: r.pattern + " " + q.name, raw: r.sample(withQuery(r.path, q.query)), reject: reject})
		}
		for _, p := range r.params {
			for _, v := range hostileValues {
				val := v.value
				if strings.Contains(val, "%[1]s") {
					val = fmt.Sprintf(val, p)
				}
				out = append(out, attack{name: r.pattern + " " + p + "=" + v.name, raw: r.sample(withQuery(r.path, p+"="+val)),
					reject: v.name == "repeated" && p != "header"})
			}
		}
	}
	return out
}

var pathParam = regexp.MustCompile(`\{[a-z]+\}`)

func pathAttacks() []attack {
	var out []attack
	for _, r := range attackRoutes {
		for _, s := range hostileSegments {
			var target string
			switch {
			case pathParam.MatchString(r.pattern):
				target = pathParam.ReplaceAllString(r.pattern, s.value)
			case strings.HasSuffix(r.pattern, "/"):
				target = r.pattern + s.value
			default:
				continue
			}
			out = append(out, attack{name: r.pattern + " " + s.name, raw: r.sample(target)})
		}
	}
	return out
}

// nest is depth levels of open then close.
func nest(open, close string, depth int) string {
	return strings.Repeat(open, depth) + strings.Repeat(close, depth)
}

// multipartParts is a multipart/form-data body of n tiny fields.
func multipartParts(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "--B\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i)
	}
	return b.String() + "--B--\r\n"
}

// hostileBodies go to every route with POST, PUT and PATCH.
var hostileBodies = []struct {
	name, ctype, body string
	over              bool // over --max-body (default 1 MiB): a route that reads bodies must refuse it
}{
	{"deep array 9000", jsonCT, nest("[", "]", 9000), false},                                                                                                     // quadratic re-indentation
	{"deep array 10000", jsonCT, nest("[", "]", 10000), false},                                                                                                   // encoding/json's own depth limit
	{"deep unclosed 100000", jsonCT, strings.Repeat("[", 100000), false},                                                                                         // recursion on invalid input
	{"deep object 5000", jsonCT, nest(`{"a":`, "}", 5000), false},                                                                                                // nesting through objects (invalid: no innermost value)
	{"deep object valid 5000", jsonCT, strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000), false},                                                   // the same, valid
	{"wide array", jsonCT, "[" + strings.Repeat("0,", 200000) + "0]", false},                                                                                     // indentation per element
	{"wide object", jsonCT, "{" + strings.Repeat(`"":0,`, 50000) + `"":0}`, false},                                                                               // duplicate keys, map churn
	{"invalid JSON", jsonCT, `{"a":`, false},                                                                                                                     // truncated document
	{"two JSON values", jsonCT, `{} {}`, false},                                                                                                                  // trailing data
	{"huge number", jsonCT, "1e999999", false},                                                                                                                   // float overflow
	{"invalid UTF-8 string", jsonCT, "\"\xff\xfe\xc0\xaf\"", false},                                                                                              // not text inside JSON
	{"escape-heavy JSON", jsonCT, `"` + strings.Repeat(`\u0001`, 40000) + `"`, false},                                                                            // escapes re-escaped in the echo
	{"invalid UTF-8 text", "Content-Type: text/plain", strings.Repeat("\xff\xc0", 5000), false},                                                                  // each byte a U+FFFD escape
	{"control bytes", "Content-Type: text/plain", strings.Repeat("\x00\x01\x1b", 10000), false},                                                                  // \u00XX escapes, 6 bytes each
	{"markup", "Content-Type: text/plain", strings.Repeat("<>&'\"", 10000), false},                                                                               // HTML escapes in JSON
	{"multipart 10000 parts", "Content-Type: multipart/form-data; boundary=B", multipartParts(10000), false},                                                     // part-count exhaustion
	{"multipart no boundary", "Content-Type: multipart/form-data", multipartParts(3), false},                                                                     // missing parameter
	{"multipart unterminated", "Content-Type: multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv", false},             // no closing boundary
	{"multipart huge part header", "Content-Type: multipart/form-data; boundary=B", "--B\r\nX: " + strings.Repeat("a", 20000) + "\r\n\r\nv\r\n--B--\r\n", false}, // one part header over 16 KiB
	{"form bad escapes", "Content-Type: application/x-www-form-urlencoded", "a=%zz&b=%&c=%0", false},                                                             // undecodable pairs
	{"form semicolons", "Content-Type: application/x-www-form-urlencoded", "a=1;b=2", false},                                                                     // parser differential
	{"form 100000 fields", "Content-Type: application/x-www-form-urlencoded", strings.Repeat("a=1&", 100000), false},                                             // map growth in ParseQuery
	{"lie: JSON type, binary", jsonCT, "\x00\x01\x02\xff", false},                                                                                                // Content-Type lies
	{"lie: form type, JSON", "Content-Type: application/x-www-form-urlencoded", `{"a":"%zz"}`, false},                                                            // JSON parsed as a form
	{"lie: multipart type, JSON", "Content-Type: multipart/form-data; boundary=B", `{"a":1}`, false},                                                             // no parts at all
	{"lie: bad media type", "Content-Type: ;;;===", "x", false},                                                                                                  // unparsable Content-Type
	{"just over the limit", "Content-Type: text/plain", strings.Repeat("a", 1<<20+1), true},                                                                      // one byte too many
	{"far over the limit", "Content-Type: application/x-www-form-urlencoded", strings.Repeat("a=1&", 1<<20), true},                                               // 4 MiB
}

func bodyAttacks() []attack {
	var out []attack
	for _, r := range attackRoutes {
		lines := r.withoutType()
		for _, m := range []string{"POST", "PUT", "PATCH"} {
			for _, b := range hostileBodies {
				if b.over && m != "POST" {
					continue // the size cases once per route: they are the slow ones
				}
				a := attack{name: m + " " + r.pattern + " " + b.name, raw: request(m, r.path, b.body, append(lines, b.ctype)...)}
				a.reject = b.over && r.reads
				out = append(out, a)
			}
		}
	}
	return out
}

// hostileHeaders are added to every route's sample.
var hostileHeaders = []struct {
	name  string
	lines []string
}{
	{"Host evil.example", []string{"Host: evil.example"}},         // Host poisoning of absolute URLs
	{"empty Host", []string{"Host: "}},                            // http:///path
	{"Host with userinfo", []string{"Host: a@evil.example"}},      // http://a@evil.example/ reads as evil.example
	{"Host with port junk", []string{"Host: evil.example:99999"}}, // port out of range
	{"X-Forwarded spoofing", []string{"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: javascript", "X-Forwarded-For: 1.2.3.4, 5.6.7.8", "Forwarded: for=1.2.3.4;host=evil.example;proto=gopher"}}, // proxy headers without a proxy
	{"Accept 1000 entries", []string{"Accept: " + strings.Repeat("text/x-a;q=0.1, ", 1000) + "application/json"}},                                                                                       // negotiation cost (under 16 KiB)
	{"Accept 5000 entries", []string{"Accept: " + strings.Repeat("a/b,", 5000)}},                                                                                                                        // over --max-header-bytes
	{"Accept text/plain", []string{"Accept: text/plain"}},                                                                                                                                               // errors in their text form
	{"Accept bad q", []string{"Accept: application/json;q=NaN, text/html;q=1e400, */*;q=-1"}},                                                                                                           // float parses
	{"Accept-Encoding junk", []string{"Accept-Encoding: br;q=NaN, gzip;q=2, *;q=0, " + strings.Repeat("x,", 2000)}},                                                                                     // encoding negotiation
	{"Range 1500 ranges", []string{"Range: bytes=" + strings.TrimSuffix(strings.Repeat("0-0,", 1500), ",")}},                                                                                            // multipart amplification
	{"Range overlapping", []string{"Range: bytes=" + strings.TrimSuffix(strings.Repeat("0-,", 1000), ",")}},                                                                                             // the whole body many times
	{"Range junk", []string{"Range: bytes=-0,-,5-1,99999999999999999999-,--1"}},                                                                                                                         // unparsable specs
	{"If-None-Match storm", []string{"If-None-Match: " + strings.Repeat(`"x", W/"y", `, 700) + `*`}},                                                                                                    // comparison cost
	{"If-Match storm", []string{"If-Match: " + strings.Repeat(`"nope", `, 1500) + `"nope"`}},                                                                                                            // 412 path
	{"If-Modified-Since junk", []string{"If-Modified-Since: Mon, 99 Foo 99999 99:99:99 GMT", "If-Unmodified-Since: 0"}},                                                                                 // unparsable dates
	{"response header injection", []string{"X-HttpStatus-Response-X: a\r\n Injected: 1"}},                                                                                                               // obs-fold into an echoed header
	{"response header forbidden", []string{"X-HttpStatus-Response-Location: //evil.example", "X-HttpStatus-Response-Content-Length: 0"}},                                                                // Location and framing through the httpstat.us headers
	{"response headers 60", slices.Repeat([]string{"X-HttpStatus-Response-H: v"}, 60)},                                                                                                                  // over the 50-header cap
	{"sleep header huge", []string{"X-HttpStatus-Sleep: 99999999999999999999"}},                                                                                                                         // overflow
	{"sleep header negative", []string{"X-HttpStatus-Sleep: -1"}},                                                                                                                                       // signedness
	{"Expect 100-continue, no body", []string{"Expect: 100-continue"}},                                                                                                                                  // waits for a body that is not coming
	{"Expect unknown token", []string{"Expect: 100-continue, teapot"}},                                                                                                                                  // an expectation that cannot be met
	{"Upgrade websocket no key", []string{"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"}},                                                                                    // bad handshake
	{"Upgrade websocket bad key", []string{"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: x", "Sec-WebSocket-Version: 13"}},                                                           // key not 16 bytes base64
	{"Upgrade websocket version 12", []string{"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 12"}},
	{"Upgrade h2c", []string{"Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings", "HTTP2-Settings: AAMAAABkAAQAAP__"}}, // cleartext HTTP/2 upgrade
	{"Authorization junk", []string{"Authorization: Basic !!!" + strings.Repeat("=", 3000)}},                             // undecodable credentials
	{"Cookie storm", []string{"Cookie: " + strings.Repeat("a=b; ", 2500)}},                                               // parsing cost
	{"Content-Type lie on GET", []string{"Content-Type: multipart/form-data"}},                                           // no body, no boundary
	{"headers over the limit", []string{"X-Big: " + strings.Repeat("a", 17<<10)}},                                        // --max-header-bytes is 16 KiB: 431
}

// refusedByNetHTTP are the hostile headers net/http refuses itself.
var refusedByNetHTTP = map[string]bool{"Host with userinfo": true}

func headerAttacks() []attack {
	var out []attack
	for _, r := range attackRoutes {
		for _, h := range hostileHeaders {
			a := attack{name: r.pattern + " " + h.name, raw: r.sample(r.path, h.lines...), netHTTP: refusedByNetHTTP[h.name]}
			if h.name == "headers over the limit" || h.name == "Accept 5000 entries" {
				a.want = http.StatusRequestHeaderFieldsTooLarge
			}
			out = append(out, a)
		}
		// Every route must answer a body it has not read yet: a careful
		// client sends it only after 100 Continue, or stops at a final answer.
		out = append(out, attack{name: r.pattern + " body withheld behind Expect", afterContinue: "0123456789",
			raw: request("POST", r.path, "", append(r.withoutType(), "Content-Type: text/plain", "Content-Length: 10", "Expect: 100-continue")...)})
	}
	return out
}

const echoHead = "POST /anything HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n"

// framingAttacks are raw HTTP/1.1 framing tricks, mostly for net/http.
var framingAttacks = []attack{
	{name: "CL and TE together", raw: echoHead + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"}, // request smuggling: TE wins (RFC 9112 §6.1)
	// RFC 9112 §6.1 says to close the connection after CL+TE; Go 1.26's
	// net/http serves what follows (it drops Content-Length before any
	// handler sees it), so the smuggled request's answer is read and
	// checked too when it comes.
	{name: "CL and TE smuggling a request", raw: echoHead + "Content-Length: 45\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /absolute-redirect/1 HTTP/1.1\r\nHost: evil.example\r\n\r\n", answers: 2, mayDrop: true},            // a second request hidden in the first
	{name: "two Content-Length values", raw: echoHead + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", netHTTP: true},                                                                                                            // ambiguous length
	{name: "negative Content-Length", raw: echoHead + "Content-Length: -1\r\n\r\n", netHTTP: true},                                                                                                                                    // signedness
	{name: "overflowing Content-Length", raw: echoHead + "Content-Length: 99999999999999999999\r\n\r\n", netHTTP: true},                                                                                                               // overflow
	{name: "huge Content-Length, short body", raw: echoHead + "Content-Length: 1099511627776\r\n\r\nabc", halfClose: true, reject: true},                                                                                              // 1 TiB declared
	{name: "huge Content-Length behind Expect", raw: echoHead + "Content-Length: 1099511627776\r\nExpect: 100-continue\r\n\r\n", want: 413},                                                                                           // 413 at once, not 100 Continue (RFC 9110 §10.1.1)
	{name: "over-limit body behind Expect, /api/v1/inspect", raw: request("POST", "/api/v1/inspect", "", jsonCT, "Content-Length: 2000000", "Expect: 100-continue"), want: 413},                                                       // the same on the inspector
	{name: "over-limit body behind Expect, /upload", raw: request("POST", "/upload", "", "Content-Length: 2000000", "Expect: 100-continue"), want: 413},                                                                               // the way /upload already does it
	{name: "TE chunked, identity", raw: echoHead + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", netHTTP: true},                                                                                                            // unsupported coding: 501
	{name: "bad chunk size", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", reject: true, mayDrop: true},                                                                                               // not hex
	{name: "overflowing chunk size", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nx\r\n0\r\n\r\n", reject: true, mayDrop: true},                                                                          // chunk size overflows int64
	{name: "negative chunk size", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\n-1\r\nx\r\n0\r\n\r\n", reject: true, mayDrop: true},                                                                                              // signedness
	{name: "chunk extension", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\n5;name=\"v\"\r\nhello\r\n0\r\n\r\n", want: 200},                                                                                                      // legal
	{name: "chunk extension storm", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\n" + strings.Repeat("1;"+strings.Repeat("a", 400)+"\r\nx\r\n", 500) + "0\r\n\r\n", reject: true, mayDrop: true},                                 // overhead per byte
	{name: "chunked body over the limit", raw: echoHead + "Transfer-Encoding: chunked\r\n\r\n" + strings.Repeat("8000\r\n"+strings.Repeat("a", 0x8000)+"\r\n", 40) + "0\r\n\r\n", want: 413},                                          // no length to check up front
	{name: "bare LF line ends", raw: "GET /get HTTP/1.1\nHost: {host}\n\n", want: 200},                                                                                                                                                // tolerated by RFC 9112 §2.2
	{name: "obs-fold", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nX-A: 1\r\n 2\r\n\r\n"},                                                                                                                                              // folded header line: 400 or one SP (RFC 9112 §5.2)
	{name: "NUL in header name", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nX-A\x00B: 1\r\n\r\n", netHTTP: true},                                                                                                                      // invalid token
	{name: "space before colon", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nX-A : 1\r\n\r\n", netHTTP: true},                                                                                                                          // header name confusion
	{name: "CR in header value", raw: "GET /status/200 HTTP/1.1\r\nHost: {host}\r\nX-HttpStatus-Response-X: a\rInjected: 1\r\n\r\n", netHTTP: true},                                                                                   // bare CR splits lines elsewhere
	{name: "no version", raw: "GET /get\r\nHost: {host}\r\n\r\n", netHTTP: true},                                                                                                                                                      // malformed request line
	{name: "HTTP/0.9", raw: "GET /get\r\n", netHTTP: true, halfClose: true},                                                                                                                                                           // no headers at all
	{name: "HTTP/3.0 version", raw: "GET /get HTTP/3.0\r\nHost: {host}\r\n\r\n", netHTTP: true},                                                                                                                                       // 505
	{name: "HTTP/2 preface", raw: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", mayDrop: true},                                                                                                                                                  // h2 prior knowledge on HTTP/1.1
	{name: "lower-case method", raw: "get /get HTTP/1.1\r\nHost: {host}\r\n\r\n", want: 501},                                                                                                                                          // methods are case-sensitive
	{name: "long method", raw: strings.Repeat("A", 10000) + " /get HTTP/1.1\r\nHost: {host}\r\n\r\n", want: 501},                                                                                                                      // echoed in the error
	{name: "CONNECT", raw: "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", want: 501},                                                                                                                          // proxy abuse
	{name: "OPTIONS *", raw: "OPTIONS * HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                                                                            // asterisk-form
	{name: "GET *", raw: "GET * HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                                                                                    // asterisk-form on GET
	{name: "no leading slash", raw: "GET get HTTP/1.1\r\nHost: {host}\r\n\r\n", netHTTP: true},                                                                                                                                        // not origin-form
	{name: "absolute-form off-site", raw: "GET http://evil.example/absolute-redirect/2 HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                             // the target's host wins over Host
	{name: "absolute-form https", raw: "GET https://evil.example/redirect/2?absolute=true HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                          // and its scheme
	{name: "absolute-form userinfo", raw: "GET http://u@evil.example/absolute-redirect/1 HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                           // userinfo in the target
	{name: "double slash path", raw: "GET //evil.example/get HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                                                       // path cleaning redirect to //host
	{name: "double slash dot-dot", raw: "GET //evil.example/.. HTTP/1.1\r\nHost: {host}\r\n\r\n"},                                                                                                                                     // cleans to //evil.example?
	{name: "backslash path", raw: "GET /\\evil.example/get HTTP/1.1\r\nHost: {host}\r\n\r\n", netHTTP: true},                                                                                                                          // /\ is // to browsers
	{name: "duplicate Host", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nHost: evil.example\r\n\r\n", netHTTP: true},                                                                                                                   // which one wins
	{name: "missing Host", raw: "GET /get HTTP/1.1\r\n\r\n", netHTTP: true},                                                                                                                                                           // required in HTTP/1.1
	{name: "HTTP/1.0 without Host", raw: "GET /absolute-redirect/1 HTTP/1.0\r\n\r\n"},                                                                                                                                                 // absolute URL built from nothing
	{name: "non-ASCII header name", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nÄ: 1\r\n\r\n", netHTTP: true},                                                                                                                          // not a token
	{name: "obs-text header value", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nX-A: \xff\xfe\r\n\r\n", want: 200},                                                                                                                     // echoed as JSON
	{name: "pipelined after a sleep", raw: "GET /status/200?sleep=50 HTTP/1.1\r\nHost: {host}\r\n\r\nGET /get HTTP/1.1\r\nHost: {host}\r\n\r\n", answers: 2},                                                                          // order under a delay
	{name: "pipelined 100", raw: strings.Repeat("GET /get HTTP/1.1\r\nHost: {host}\r\n\r\n", 100), answers: 100},                                                                                                                      // a burst on one connection
	{name: "pipelined behind a body", raw: echoHead + "Content-Length: 2\r\n\r\nabGET /status/200 HTTP/1.1\r\nHost: {host}\r\n\r\n", answers: 2},                                                                                      // a request right after a body
	{name: "URI just over --max-uri", raw: "GET /get?a=" + strings.Repeat("a", 200<<10) + " HTTP/1.1\r\nHost: {host}\r\n\r\n", want: 414},                                                                                             // the service's 414
	{name: "URI far over --max-uri", raw: "GET /get?a=" + strings.Repeat("a", 1100<<10) + " HTTP/1.1\r\nHost: {host}\r\n\r\n", netHTTP: true},                                                                                         // net/http's own limit
	{name: "headers just over the limit", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\n" + strings.Repeat("X-A: "+strings.Repeat("a", 1000)+"\r\n", 17) + "\r\n", want: 431},                                                            // 17 KiB of headers: the service's 431
	{name: "5000 tiny headers", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\n" + strings.Repeat("A: b\r\n", 5000) + "\r\n", want: 431},                                                                                                  // per-header overhead
	{name: "headers far over the limit", raw: "GET /get HTTP/1.1\r\nHost: {host}\r\nX-A: " + strings.Repeat("a", 1100<<10) + "\r\n\r\n", netHTTP: true},                                                                               // net/http's own 431
	{name: "Expect other on /upload", raw: request("POST", "/upload", "x", "Expect: teapot"), want: 417, netHTTP: true},                                                                                                               // README: 417 with the error shape
	{name: "Expect other on /get", raw: request("GET", "/get", "", "Expect: teapot"), netHTTP: true},                                                                                                                                  // net/http answers before any route
	{name: "websocket no key", raw: request("GET", "/status/101", "", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"), reject: true},                                                                        // handshake errors in the error shape
	{name: "websocket bad key", raw: request("GET", "/status/101", "", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: x", "Sec-WebSocket-Version: 13"), reject: true},                                               // key not 16 bytes of base64
	{name: "websocket version 12", raw: request("GET", "/status/101", "", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 12"), reject: true},                     // only 13 exists
	{name: "websocket over HTTP/1.0", raw: "GET /status/101 HTTP/1.0\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", reject: true}, // handshakes need HTTP/1.1
	{name: "websocket valid", raw: request("GET", "/status/101", "", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"), want: 101},                             // control: the switch itself
	{name: "websocket handshake, no Connection", raw: "GET /status/101 HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", want: 426},                // Upgrade alone is no handshake: 426
}

// amplificationAttacks try to get far more out than they put in.
var amplificationAttacks = []attack{
	{name: "range max", raw: request("GET", "/range/1048576", "")},                                                                                                                                                  // the documented maximum
	{name: "range max, 1500 ranges", raw: request("GET", "/range/1048576", "", "Range: bytes="+strings.TrimSuffix(strings.Repeat("0-0,", 1500), ","))},                                                              // one multipart header per byte
	{name: "range max, 16 whole ranges", raw: request("GET", "/range/1048576", "", "Range: bytes="+strings.TrimSuffix(strings.Repeat("0-,", 16), ","))},                                                             // the whole body 16 times, under the 16-range cap
	{name: "etag, 16 whole ranges", raw: request("GET", "/etag/abc", "", "Range: bytes="+strings.TrimSuffix(strings.Repeat("0-,", 16), ","))},                                                                       // the same on the echo
	{name: "range, 1500 distinct ranges", raw: request("GET", "/range/1048576", "", "Range: bytes="+ranges(1500))},                                                                                                  // the same without overlap
	{name: "etag, 1000 distinct ranges", raw: request("GET", "/etag/abc", "", "Range: bytes="+ranges(1000))},                                                                                                        // ServeContent on the echo
	{name: "status 206, 16 full ranges of 60 KiB", raw: request("GET", "/status/206?body="+strings.Repeat("a", 60<<10), "", "Range: bytes="+strings.TrimSuffix(strings.Repeat("0-,", 16), ","))},                    // overlapping, under the 16-range cap
	{name: "status 206, 1000 ranges", raw: request("GET", "/status/206", "", "Range: bytes="+ranges(1000))},                                                                                                         // over the cap
	{name: "echo deep 9000", raw: request("POST", "/anything", nest("[", "]", 9000), jsonCT)},                                                                                                                       // 18 KB once became 160 MB
	{name: "delay echo deep 9000", raw: request("POST", "/delay/0", nest("[", "]", 9000), jsonCT)},                                                                                                                  // the same through /delay
	{name: "echo deep 10000", raw: request("POST", "/anything", nest("[", "]", 10000), jsonCT)},                                                                                                                     // once a 500
	{name: "echo 256 KiB control bytes", raw: request("POST", "/anything", strings.Repeat("\x01", 256<<10), "Content-Type: text/plain")},                                                                            // \u0001: 6 bytes each
	{name: "echo 256 KiB markup", raw: request("POST", "/anything", strings.Repeat("<", 256<<10), "Content-Type: text/plain")},                                                                                      // \u003c unless HTML escaping is off
	{name: "echo form of escapes", raw: request("POST", "/anything", "a="+strings.Repeat("%01", 80<<10), "Content-Type: application/x-www-form-urlencoded")},                                                        // data and form both
	{name: "echo 10000 multipart files", raw: request("POST", "/anything", strings.ReplaceAll(multipartParts(10000), "\"\r\n\r\n", "\"; filename=\"f\"\r\n\r\n"), "Content-Type: multipart/form-data; boundary=B")}, // a file per part
	{name: "redirect 100", raw: request("GET", "/redirect/100?absolute=true", "")},                                                                                                                                  // the longest chain
	{name: "response-headers 48 × 4 KiB", raw: request("GET", "/response-headers?"+strings.TrimSuffix(strings.Repeat("X-A="+strings.Repeat("%22", 1365)+"&", 48), "&"), "")},                                        // quotes escaped in the body
	{name: "status header= 50 × 4 KiB", raw: request("GET", "/status/200?"+strings.TrimSuffix(strings.Repeat("header=X:"+strings.Repeat("a", 4000)+"&", 50), "&"), "")},                                             // 200 KiB of response headers
	{name: "status 100 weighted codes", raw: request("GET", "/status/"+weighted(100), "")},                                                                                                                          // the list cap
	{name: "random 100-599", raw: request("GET", "/random/100-599?seed=1", "")},                                                                                                                                     // one range, 500 codes
	{name: "inspect a 64 KiB body", raw: request("POST", "/api/v1/inspect", `{"path":"/range/1048576"}`, jsonCT)},                                                                                                   // the report shows 64 KiB
	{name: "inspect 10 redirects", raw: request("POST", "/api/v1/inspect", `{"path":"/redirect/10?absolute=true"}`, jsonCT)},                                                                                        // 11 exchanges reported
	{name: "tester a 64 KiB body", raw: request("GET", "/tester?path=%2Frange%2F65536", "")},                                                                                                                        // the same in HTML
	{name: "404 page of quotes", raw: request("GET", "/"+strings.Repeat("'", 190<<10), "", "Accept: text/html")},                                                                                                    // &#39; is 5 bytes per byte
	{name: "search one letter", raw: request("GET", "/search?q=e", "")},                                                                                                                                             // every entry matches
}

// joinN joins part(0) ... part(n-1) with commas.
func joinN(n int, part func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = part(i)
	}
	return strings.Join(parts, ",")
}

// ranges is n distinct single-byte ranges.
func ranges(n int) string {
	return joinN(n, func(i int) string { return fmt.Sprintf("%d-%d", 2*i, 2*i) })
}

// weighted is a /status list of n codes, each with its weight.
func weighted(n int) string {
	return joinN(n, func(i int) string { return fmt.Sprintf("%d:%d", 200+i%100, i+1) })
}

// TestAttack runs every family against a server of its own.
func TestAttack(t *testing.T) {
	opts := Options{MaxDelay: 2 * time.Second}
	for _, f := range []struct {
		name  string
		cases []attack
	}{
		{"query", queryAttacks()},
		{"path", pathAttacks()},
		{"body", bodyAttacks()},
		{"header", headerAttacks()},
		{"framing", framingAttacks},
		{"amplification", amplificationAttacks},
	} {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			runAttacks(t, opts, f.cases)
		})
	}
}

// TestAttackCheckers proves that each check catches what it is for.
func TestAttackCheckers(t *testing.T) {
	t.Parallel()
	const host = "127.0.0.1:1"
	env := checkEnv{host: host, allow: func(string) int { return 0 }}
	parse := func(raw string) answer {
		ans := readAnswer(strings.NewReader(raw), "GET", 1, 16<<20, nil)
		ans.sent = 100
		return ans
	}
	resp := func(status, headers, body string) string {
		return "HTTP/1.1 " + status + "\r\nAccess-Control-Allow-Origin: *\r\n" + headers + "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	shape := func(code int) string { return fmt.Sprintf(`{"status":%d,"error":"x","detail":"why"}`, code) }
	get := func(target string, lines ...string) attack { return attack{raw: request("GET", target, "", lines...)} }
	for _, tc := range []struct {
		name  string
		a     attack
		raw   string
		wants string // a substring of the violation, "" for none
	}{
		{"oversized answer", get("/get"), resp("200 OK", "", strings.Repeat("a", 1<<20)), "what was sent"},
		{"answer in bounds", get("/get"), resp("200 OK", "", "ok"), ""},
		{"unasked 500", get("/get"), resp("500 Internal Server Error", "", "x"), "unasked-for"},
		{"asked 500", get("/status/200,500"), resp("500 Internal Server Error", "", "x"), ""},
		{"asked via then", get("/status/103?then=502"), resp("502 Bad Gateway", "", "x"), ""},
		{"503 from a limit", get("/delay/1"), resp("503 Service Unavailable", "Retry-After: 2\r\nContent-Type: application/json\r\n", shape(503)), ""},
		{"503 without Retry-After", get("/delay/1"), resp("503 Service Unavailable", "Content-Type: application/json\r\n", shape(503)), "unasked-for"},
		{"501 unknown method", attack{raw: request("BREW", "/get", "")}, resp("501 Not Implemented", "Content-Type: application/json\r\n", shape(501)), ""},
		{"501 known method", get("/get"), resp("501 Not Implemented", "Content-Type: application/json\r\n", shape(501)), "unasked-for"},
		{"off-site Location", get("/redirect/1"), resp("302 Found", "Location: http://evil.example/get\r\n", ""), "not this server"},
		{"empty-host Location", get("/redirect/1"), resp("302 Found", "Location: http:///get\r\n", ""), "not this server"},
		{"userinfo Location", get("/redirect/1"), resp("302 Found", "Location: http://a@"+host+"/get\r\n", ""), "userinfo"},
		{"scheme-relative Location", get("/redirect/1"), resp("302 Found", "Location: //evil.example/\r\n", ""), "scheme-relative"},
		{"backslash Location", get("/redirect/1"), resp("302 Found", "Location: /\\evil.example\r\n", ""), "backslash"},
		{"script Location", get("/redirect/1"), resp("302 Found", "Location: javascript:alert(1)\r\n", ""), "scheme"},
		{"own absolute Location", get("/redirect/1"), resp("302 Found", "Location: http://"+host+"/get\r\n", ""), ""},
		{"relative Location", get("/redirect/1"), resp("302 Found", "Location: /get\r\n", ""), ""},
		{"plain-text 416", get("/range/10"), resp("416 Requested Range Not Satisfiable", "Content-Type: text/plain\r\n", "invalid range"), "error shape"},
		{"wrong status in shape", get("/get"), resp("400 Bad Request", "Content-Type: application/json\r\n", shape(404)), "error shape"},
		{"empty detail", get("/get"), resp("400 Bad Request", "Content-Type: application/json\r\n", `{"status":400,"error":"x","detail":""}`), "error shape"},
		{"extra field", get("/get"), resp("400 Bad Request", "Content-Type: application/json\r\n", `{"status":400,"error":"x","detail":"y","z":1}`), "error shape"},
		{"good shape", get("/get"), resp("401 Unauthorized", "Content-Type: application/json\r\n", shape(401)), ""},
		{"asked 404 in plain text", get("/status/404"), resp("404 Not Found", "Content-Type: text/plain\r\n", "404 Not Found"), ""},
		{"text form when preferred", get("/get", "Accept: text/plain"), resp("400 Bad Request", "Content-Type: text/plain\r\n", "400 Bad Request: why\n"), ""},
		{"net/http answer on a service case", get("/upload"), "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n", "error shape"},
		{"net/http answer on a framing case", attack{raw: "GET /get\r\n\r\n", netHTTP: true}, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", ""},
		{"silently accepted", attack{raw: request("GET", "/get?a=%zz", ""), reject: true}, resp("200 OK", "", "{}"), "silently accepted"},
		{"wrong status", attack{raw: request("GET", "/get", ""), want: 413}, resp("200 OK", "", "{}"), "want 413"},
		{"injected header", get("/status/200"), resp("200 OK", "Injected: 1\r\n", ""), "injected"},
		{"no answer", get("/get"), "", "connection ended"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(check(tc.a, parse(tc.raw), env), "; ")
			if tc.wants == "" && got != "" || tc.wants != "" && !strings.Contains(got, tc.wants) {
				t.Errorf("check = %q, want %q", got, tc.wants)
			}
		})
	}

	t.Run("reading stops at the limit", func(t *testing.T) {
		ans := readAnswer(strings.NewReader("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n"+strings.Repeat("a", 4<<20)), "GET", 1, 1<<20, nil)
		if ans.received != 1<<20+1 {
			t.Errorf("read %d bytes of an endless answer, want the limit+1", ans.received)
		}
		if v := checkSize(ans, 1<<20); !strings.Contains(v, "1073741824") {
			t.Errorf("checkSize = %q, want the declared size reported", v)
		}
	})
	t.Run("a silent server is a hang", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			if c, err := ln.Accept(); err == nil {
				defer c.Close()
				io.Copy(io.Discard, c) // reads, never answers
			}
		}()
		a := attack{raw: request("GET", "/get", "")}
		ans := sendAttack(ln.Addr().String(), a, 1<<20, 200*time.Millisecond)
		if v := checkFinished(a, ans, 1<<20); !strings.Contains(v, "hang") {
			t.Errorf("checkFinished = %q, want a hang", v)
		}
	})
	t.Run("a new route is noticed", func(t *testing.T) {
		src := `mux.HandleFunc("/get", s.handleGet)` + "\n" + `mux.HandleFunc("/new/{x}", s.handleNew)`
		if missing, stale := uncovered(routePatterns(src), attackRoutes); !slices.Equal(missing, []string{"/new/{x}"}) || len(stale) != len(attackRoutes)-1 {
			t.Errorf("missing %v, stale %v; want [/new/{x}] and all but /get stale", missing, stale)
		}
	})
}
