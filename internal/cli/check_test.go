package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/httpstatus/httpstatus/internal/server"
)

// testService is our own test service on loopback, one per test.
func testService(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.NewServer(server.Options{MaxDelay: 3 * time.Second}))
	t.Cleanup(ts.Close)
	return ts
}

// serve starts a handler on loopback for one test.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// tlsServe starts a handler with TLS (a self-signed certificate) on
// loopback, with HTTP/2 when h2 is set; the handshakes a test makes fail
// on purpose are not logged.
func tlsServe(t *testing.T, h http.Handler, h2 bool) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(h)
	ts.EnableHTTP2 = h2
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	t.Cleanup(ts.Close)
	return ts
}

// runChk runs 'httpstatus check' through Main, with stdin and a fixed
// environment.
func runChk(t *testing.T, stdin string, environ map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), append([]string{"check"}, args...), strings.NewReader(stdin), &out, &errOut, func(k string) string { return environ[k] })
	return out.String(), errOut.String(), code
}

// checkDoc is the --json document, as a consumer decodes it.
type checkDoc struct {
	SchemaVersion int                 `json:"schema_version"`
	Results       []resultJSON        `json:"results"`
	Summary       summaryJSON         `json:"summary"`
	Codes         map[string]codeJSON `json:"codes"`
}

// checkJSON runs a check with --json and decodes the document.
func checkJSON(t *testing.T, args ...string) (checkDoc, int) {
	t.Helper()
	out, errOut, code := runChk(t, "", nil, append([]string{"--json"}, args...)...)
	var doc checkDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json output does not decode: %v\nstdout %q\nstderr %q", err, out, errOut)
	}
	return doc, code
}

func methods(r resultJSON) string {
	var m []string
	for _, h := range r.Chain {
		m = append(m, h.Method)
	}
	return strings.Join(m, " ")
}

// normalise makes check output stable for golden files: the test
// server's port becomes P's (of the same width, so alignment holds), Date
// fields and the rate are blanked.
func normalise(out string, servers ...*httptest.Server) string {
	for _, ts := range servers {
		_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
		out = strings.ReplaceAll(out, "127.0.0.1:"+port, "127.0.0.1:"+strings.Repeat("P", len(port)))
	}
	out = regexp.MustCompile(`Date: [^\n]*`).ReplaceAllString(out, "Date: (date)")
	return regexp.MustCompile(`\(\d+\.\d/s\)`).ReplaceAllString(out, "(N/s)")
}

// TestCheckGolden compares the text output with the files under
// testdata/check. Times are fixed at 0.123 ms; run 'go test ./internal/cli
// -update' after a deliberate change to the layout, and review the diff.
func TestCheckGolden(t *testing.T) {
	// Not parallel: it fixes the times every check prints.
	saved := showMS
	showMS = func(float64) string { return "0.123 ms" }
	t.Cleanup(func() { showMS = saved })
	// Without keep-alive, so that whether a hop reuses a connection does
	// not depend on timing: the engine reuses a connection only when its
	// request writer has reported back before the response was read,
	// which usually but not always happens first.
	ts := httptest.NewUnstartedServer(server.NewServer(server.Options{MaxDelay: 3 * time.Second}))
	ts.Config.SetKeepAlivesEnabled(false)
	ts.Start()
	defer ts.Close()
	tests := []struct {
		name  string
		stdin string
		args  []string
		exit  int
	}{
		{"one-url-redirects", "", []string{ts.URL + "/redirect/2"}, 0},
		{"one-url-verbose", "", []string{"-v", ts.URL + "/status/404"}, 1},
		{"one-url-post-303-vv", "", []string{"-vv", "-X", "POST", "-d", "a=b", ts.URL + "/status/303?location=/get"}, 0},
		{"one-url-no-answer", "", []string{"http://name.invalid/"}, 1},
		{"one-url-interim", "", []string{ts.URL + "/status/103?then=204"}, 0},
		{"bulk", "# a comment\n\n" + ts.URL + "/status/200\r\n" + ts.URL + "/status/404\nnot a url\nftp://x.example/\n" +
			ts.URL + "/redirect/2\nhttp://name.invalid/\n" + ts.URL + "/status/200?fault=truncate\n" + ts.URL + "/status/500\n", []string{"-"}, 1},
		{"bulk-expect", "", []string{"--expect", "2xx,404", ts.URL + "/status/200", ts.URL + "/status/404", ts.URL + "/status/301?location=/get"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runChk(t, tt.stdin, nil, append([]string{"--user-agent", "test/1"}, tt.args...)...)
			if code != tt.exit {
				t.Fatalf("exit %d, want %d; stderr %q\n%s", code, tt.exit, errOut, out)
			}
			if errOut != "" {
				t.Errorf("stderr %q", errOut)
			}
			matchGolden(t, filepath.Join("testdata", "check", tt.name+".txt"), normalise(out, ts))
		})
	}
}

func TestCheckRedirectMethods(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	tests := []struct {
		name, method, path string
		want               string // the method of each request
	}{
		{"303 turns POST into GET", "POST", "/status/303?location=/anything", "POST GET"},
		{"302 after POST is GET", "POST", "/status/302?location=/anything", "POST GET"},
		{"301 after POST is GET", "POST", "/status/301?location=/anything", "POST GET"},
		{"307 keeps POST", "POST", "/status/307?location=/anything", "POST POST"},
		{"308 keeps PUT", "PUT", "/status/308?location=/anything", "PUT PUT"},
		{"303 after DELETE is GET", "DELETE", "/status/303?location=/anything", "DELETE GET"},
		{"three hops", "GET", "/redirect/3", "GET GET GET GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, code := checkJSON(t, "-X", tt.method, "-d", "x=1", ts.URL+tt.path)
			r := doc.Results[0]
			if got := methods(r); got != tt.want || code != 0 || r.Status != 200 {
				t.Errorf("methods %q, want %q; status %d exit %d", got, tt.want, r.Status, code)
			}
		})
	}
	t.Run("no-follow and max-redirects", func(t *testing.T) {
		t.Parallel()
		doc, _ := checkJSON(t, "--no-follow", ts.URL+"/redirect/3")
		if r := doc.Results[0]; r.Status != 302 || len(r.Chain) != 1 || r.Redirects != 0 || !r.OK {
			t.Errorf("--no-follow: status %d, %d hops, ok %v", r.Status, len(r.Chain), r.OK)
		}
		doc, code := checkJSON(t, "--max-redirects", "2", ts.URL+"/redirect/5")
		if r := doc.Results[0]; len(r.Chain) != 3 || code != 1 || !strings.Contains(r.Error, "stopped after 2 redirects") {
			t.Errorf("--max-redirects 2: %d hops, exit %d, error %q", len(r.Chain), code, r.Error)
		}
		doc, _ = checkJSON(t, "--max-redirects", "0", ts.URL+"/redirect/1")
		if r := doc.Results[0]; len(r.Chain) != 1 || r.Status != 302 {
			t.Errorf("--max-redirects 0: %d hops, status %d", len(r.Chain), r.Status)
		}
	})
}

func TestCheckLoopAndDowngrade(t *testing.T) {
	t.Parallel()
	loop := serve(t, func(w http.ResponseWriter, r *http.Request) {
		next := map[string]string{"/a": "/b", "/b": "/a", "/self": "/self"}[r.URL.Path]
		http.Redirect(w, r, next, http.StatusFound)
	})
	for _, path := range []string{"/self", "/a"} {
		out, _, code := runChk(t, "", nil, loop.URL+path)
		if code != 1 || !strings.Contains(out, "loop") || !strings.Contains(out, "A redirect loop:") {
			t.Errorf("%s: exit %d, output lacks the loop:\n%s", path, code, out)
		}
	}
	plain := testService(t)
	tlsSrv := tlsServe(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/status/200", http.StatusMovedPermanently)
	}), false)
	out, _, code := runChk(t, "", nil, "-k", tlsSrv.URL+"/")
	if code != 0 || !strings.Contains(out, "https→http downgrade; to another host") {
		t.Errorf("downgrade: exit %d:\n%s", code, out)
	}
	doc, _ := checkJSON(t, "-k", tlsSrv.URL+"/")
	if hop := doc.Results[0].Chain[0]; hop.Redirect == nil || !hop.Redirect.Downgrade || !hop.Redirect.CrossHost || hop.Connection.TLSVersion == "" {
		t.Errorf("downgrade in JSON: %+v", hop)
	}
}

func TestCheckTLS(t *testing.T) {
	t.Parallel()
	ts := tlsServe(t, server.NewServer(server.Options{}), false)
	out, _, code := runChk(t, "", nil, ts.URL+"/status/200")
	if code != 1 || !strings.Contains(out, "000 no answer") || !strings.Contains(out, "not signed by a trusted authority") {
		t.Errorf("self-signed without -k: exit %d:\n%s", code, out)
	}
	doc, code := checkJSON(t, "-k", ts.URL+"/status/200")
	r := doc.Results[0]
	if code != 0 || r.Status != 200 || r.Chain[0].Phases.TLSMS == nil || *r.Chain[0].Phases.TLSMS <= 0 {
		t.Errorf("-k: exit %d, %+v", code, r)
	}
}

func TestCheckHTTP2(t *testing.T) {
	t.Parallel()
	ts := tlsServe(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hop":
			http.Redirect(w, r, "/early", http.StatusSeeOther)
		case "/early":
			w.Header().Set("Link", "</a.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			w.Header().Del("Link")
			w.WriteHeader(http.StatusOK)
			fmt.Fprint(w, "hello")
		default:
			w.WriteHeader(http.StatusTeapot)
		}
	}), true)
	doc, code := checkJSON(t, "--http2", "-k", ts.URL+"/hop")
	r := doc.Results[0]
	if code != 0 || r.Protocol != "HTTP/2.0" || len(r.Chain) != 2 {
		t.Fatalf("exit %d, protocol %q, %d hops", code, r.Protocol, len(r.Chain))
	}
	first, second := r.Chain[0], r.Chain[1]
	if first.Connection == nil || first.Connection.ALPN != "h2" || first.Phases.TLSMS == nil || first.Reason != "" {
		t.Errorf("first hop %+v", first)
	}
	if !second.Reused || len(second.Interim) != 1 || second.Interim[0].Status != 103 || second.BodyBytes != 5 || second.Timings.FirstByteMS <= 0 {
		t.Errorf("second hop: reused %v, interim %+v, body %d, timings %+v", second.Reused, second.Interim, second.BodyBytes, second.Timings)
	}
	out, _, _ := runChk(t, "", nil, "--http2", "-k", ts.URL+"/early")
	for _, want := range []string{"103 → 200 OK", "HTTP/2.0", "raw bytes are not available", "103 Early Hints:"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	doc, _ = checkJSON(t, "--http2", ts.URL+"/")
	if r := doc.Results[0]; r.Failure != "tls" || !strings.Contains(r.Error, "not signed by a trusted authority") {
		t.Errorf("--http2 verifies TLS: %q %q", r.Failure, r.Error)
	}
	plain := testService(t)
	doc, _ = checkJSON(t, "--http2", plain.URL+"/redirect/1", "http://name.invalid/")
	if r := doc.Results[0]; r.Protocol != "HTTP/1.1" || r.Status != 200 || r.Chain[0].Reason != "Found" {
		t.Errorf("--http2 on plain http: %+v", r)
	}
	if r := doc.Results[1]; r.Failure != "dns" || !strings.Contains(r.Error, "name.invalid does not resolve") {
		t.Errorf("--http2 DNS failure: %q %q", r.Failure, r.Error)
	}
}

func TestCheckFailures(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closedURL := "http://" + closed.Addr().String() + "/"
	closed.Close()
	tests := []struct {
		name    string
		args    []string
		status  int
		failure string
		words   string
	}{
		{"timeout", []string{"--timeout", "200ms", ts.URL + "/status/200?sleep=2s"}, 0, "timeout", "timed out"},
		{"reset", []string{ts.URL + "/status/200?fault=reset"}, 0, "reset", "reset the connection"},
		{"truncated", []string{ts.URL + "/status/200?fault=truncate&body=0123456789"}, 200, "closed", "the body broke off after 5 bytes"},
		{"closed after headers", []string{ts.URL + "/status/200?fault=close_after_headers"}, 200, "closed", "broke off after 0 bytes"},
		{"refused", []string{closedURL}, 0, "refused", "refused"},
		{"DNS", []string{"http://name.invalid/"}, 0, "dns", "does not resolve"},
		{"http2 timeout", []string{"--http2", "--timeout", "200ms", ts.URL + "/status/200?sleep=2s"}, 0, "timeout", "timed out"},
		{"http2 reset", []string{"--http2", ts.URL + "/status/200?fault=reset"}, 0, "reset", "reset the connection"},
		{"http2 truncated", []string{"--http2", ts.URL + "/status/200?fault=truncate&body=0123456789"}, 200, "closed", "the body broke off after 5 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			doc, code := checkJSON(t, tt.args...)
			r := doc.Results[0]
			if code != 1 || r.OK || r.Status != tt.status || r.Failure != tt.failure || !strings.Contains(r.Error, tt.words) {
				t.Errorf("exit %d ok %v status %d failure %q error %q; want status %d, %q saying %q", code, r.OK, r.Status, r.Failure, r.Error, tt.status, tt.failure, tt.words)
			}
			if time.Since(start) > 1500*time.Millisecond {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
	t.Run("000 can be expected", func(t *testing.T) {
		t.Parallel()
		if _, _, code := runChk(t, "", nil, "--expect", "000", closedURL); code != 0 {
			t.Errorf("--expect 000 on a refused URL: exit %d", code)
		}
	})
}

// retryServer answers each path with the statuses and Retry-After values
// of its script, one per request, the last one forever after; it notes
// when each request came.
type retryServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen map[string][]time.Time
}

func newRetryServer(t *testing.T, scripts map[string][]string) *retryServer {
	rs := &retryServer{seen: map[string][]time.Time{}}
	rs.Server = serve(t, func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		n := len(rs.seen[r.URL.Path])
		rs.seen[r.URL.Path] = append(rs.seen[r.URL.Path], time.Now())
		rs.mu.Unlock()
		script := scripts[r.URL.Path]
		step := script[min(n, len(script)-1)]
		code, after, _ := strings.Cut(step, " ")
		if after == "date+2" {
			after = time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
		}
		if after != "" {
			w.Header().Set("Retry-After", after)
		}
		if code == "close" {
			c, _, _ := w.(http.Hijacker).Hijack()
			c.Close()
			return
		}
		status, _ := strconv.Atoi(code)
		w.WriteHeader(status)
	})
	return rs
}

func (rs *retryServer) times(path string) []time.Time {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return append([]time.Time(nil), rs.seen[path]...)
}

func TestCheckRetries(t *testing.T) {
	t.Parallel()
	rs := newRetryServer(t, map[string][]string{
		"/seconds":  {"503 1", "200"},
		"/date":     {"429 date+2", "200"},
		"/too-long": {"429 120", "200"},
		"/statuses": {"408", "502", "504", "200"},
		"/shown":    {"408", "502", "504", "200"},
		"/other":    {"200"},
		"/network":  {"close", "200"},
		"/post":     {"503 1", "200"},
		"/limited":  {"429 1"},
		"/after":    {"200"},
		"/noheader": {"503", "200"},
	})
	tests := []struct {
		name      string
		args      []string
		status    int
		retries   int
		minWaitMS float64
		maxWaitMS float64
		note      string
	}{
		{"Retry-After in seconds", []string{"--retries", "1", rs.URL + "/seconds"}, 200, 1, 1000, 1000, ""},
		{"Retry-After as an HTTP-date", []string{"--retries", "1", rs.URL + "/date"}, 200, 1, 500, 2000, ""},
		{"longer than --max-retry-wait", []string{"--retries", "2", "--max-retry-wait", "5s", rs.URL + "/too-long"}, 429, 0, 0, 0, "longer than --max-retry-wait 5s: not waited for"},
		{"408, 502 and 504, backing off", []string{"--retries", "3", rs.URL + "/statuses"}, 200, 3, 250 + 500 + 1000, 250 + 500 + 1000, ""},
		{"network errors", []string{"--retries", "1", rs.URL + "/network"}, 200, 1, 100, 500, ""},
		{"not idempotent", []string{"--retries", "2", "-X", "POST", rs.URL + "/post"}, 503, 0, 0, 0, "not retried: POST is not idempotent"},
		{"503 without Retry-After backs off", []string{"--retries", "1", rs.URL + "/noheader"}, 200, 1, 250, 250, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			doc, _ := checkJSON(t, tt.args...)
			r := doc.Results[0]
			if r.Status != tt.status || len(r.Retries) != tt.retries || !strings.Contains(r.Note, tt.note) {
				t.Fatalf("status %d, retries %+v, note %q", r.Status, r.Retries, r.Note)
			}
			waited := 0.0
			for _, rt := range r.Retries {
				waited += rt.WaitMS
			}
			if waited < tt.minWaitMS || waited > tt.maxWaitMS || time.Since(start) < time.Duration(waited)*time.Millisecond {
				t.Errorf("waited %v ms, want %v to %v; took %v", waited, tt.minWaitMS, tt.maxWaitMS, time.Since(start))
			}
		})
	}
	t.Run("retries are shown", func(t *testing.T) {
		t.Parallel()
		out, _, code := runChk(t, "", nil, "--retries", "3", rs.URL+"/shown", rs.URL+"/other")
		if code != 0 || !strings.Contains(out, "3 retries: 408 Request Timeout, 502 Bad Gateway, 504 Gateway Timeout") || !strings.Contains(out, "retried 1") {
			t.Errorf("exit %d:\n%s", code, out)
		}
	})
	t.Run("the whole host waits", func(t *testing.T) {
		t.Parallel()
		doc, code := checkJSON(t, "-c", "1", rs.URL+"/limited", rs.URL+"/after")
		limited, after := rs.times("/limited"), rs.times("/after")
		if code != 1 || len(limited) != 1 || len(after) != 1 || !doc.Results[0].RateLimited || doc.Summary.RateLimited != 1 {
			t.Fatalf("exit %d, requests %d and %d, %+v", code, len(limited), len(after), doc.Summary)
		}
		if gap := after[0].Sub(limited[0]); gap < 900*time.Millisecond {
			t.Errorf("the next request to the host came %v after its 429 with Retry-After: 1", gap)
		}
	})
}

func TestCheckHeadFallback(t *testing.T) {
	t.Parallel()
	for _, refusal := range []int{405, 501} {
		ts := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodHead {
				w.WriteHeader(refusal)
				return
			}
			fmt.Fprint(w, "ok")
		})
		doc, code := checkJSON(t, "--head", ts.URL+"/")
		r := doc.Results[0]
		if code != 0 || r.HeadFallback == nil || r.HeadFallback.Status != refusal || r.HeadFallback.Then != "GET" || methods(r) != "GET" || r.Status != 200 {
			t.Errorf("HEAD answered %d: exit %d, fallback %+v, methods %q", refusal, code, r.HeadFallback, methods(r))
		}
		out, _, _ := runChk(t, "", nil, "--head", ts.URL+"/")
		if !strings.Contains(out, fmt.Sprintf("HEAD was answered %d", refusal)) {
			t.Errorf("the fallback is not shown:\n%s", out)
		}
		out, _, _ = runChk(t, "", nil, "--head", ts.URL+"/", ts.URL+"/x")
		if !strings.Contains(out, fmt.Sprintf("(HEAD got %d, then GET)", refusal)) {
			t.Errorf("the fallback is not shown in bulk rows:\n%s", out)
		}
	}
	ts := testService(t)
	doc, code := checkJSON(t, "--head", ts.URL+"/get")
	if r := doc.Results[0]; code != 0 || r.HeadFallback != nil || methods(r) != "HEAD" {
		t.Errorf("HEAD allowed: exit %d, fallback %+v, methods %q", code, r.HeadFallback, methods(r))
	}
}

func TestCheckInputOrder(t *testing.T) {
	t.Parallel()
	ts := serve(t, func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(ms) * time.Millisecond)
	})
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, "%s/?n=%d&ms=%d\n", ts.URL, i+1, (i*7919)%23)
	}
	indexes := func(out string) []int {
		var got []int
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r resultJSON
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("--jsonl line %q: %v", line, err)
			}
			if r.SchemaVersion != checkSchemaVersion || !strings.Contains(r.Input, fmt.Sprintf("/?n=%d&", r.Index)) { // each line is its own URL's
				t.Fatalf("line %q", line)
			}
			got = append(got, r.Index)
		}
		return got
	}
	out, _, code := runChk(t, in.String(), nil, "-", "--jsonl", "-c", "50", "--per-host", "50")
	got := indexes(out)
	if code != 0 || len(got) != 200 {
		t.Fatalf("exit %d, %d results", code, len(got))
	}
	for i, n := range got {
		if n != i+1 {
			t.Fatalf("result %d is input %d: not in input order", i+1, n)
		}
	}
	slow := ts.URL + "/?n=1&ms=300\n"
	for i := 2; i <= 21; i++ {
		slow += fmt.Sprintf("%s/?n=%d&ms=0\n", ts.URL, i)
	}
	out, _, _ = runChk(t, slow, nil, "-", "--jsonl", "--unordered")
	if got := indexes(out); len(got) != 21 || got[0] == 1 {
		t.Errorf("--unordered printed the slow first URL first: %v", got)
	}
	// Text rows come in input order too.
	out, _, _ = runChk(t, slow, nil, "-")
	if first, _, _ := strings.Cut(out, "\n"); !strings.Contains(first, "ms=300") {
		t.Errorf("text: the first row is %q", first)
	}
}

func TestCheckPerHostLimit(t *testing.T) {
	t.Parallel()
	var now, most atomic.Int64
	ts := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(20 * time.Millisecond)
		now.Add(-1)
		if r.URL.Path == "/hop" {
			http.Redirect(w, r, "/end", http.StatusFound)
		}
	})
	other := testService(t)
	var args []string
	for i := range 40 {
		args = append(args, fmt.Sprintf("%s/hop?%d", ts.URL, i), fmt.Sprintf("%s/status/200?sleep=10ms&seed=%d", other.URL, i))
	}
	_, errOut, code := runChk(t, "", nil, append([]string{"-c", "30", "--per-host", "3", "--csv"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if m := most.Load(); m > 3 || m < 2 {
		t.Errorf("at most %d requests at once to one host, want 2 or 3 with --per-host 3", m)
	}
}

func TestCheckExitCodes(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{ts.URL + "/status/200", ts.URL + "/status/301"}, 0},
		{[]string{ts.URL + "/status/200", ts.URL + "/status/404"}, 1},
		{[]string{"--expect", "4xx", ts.URL + "/status/404"}, 0},
		{[]string{"--expect", "200-204", ts.URL + "/status/204"}, 0},
		{[]string{"--expect", "200-204", ts.URL + "/status/206"}, 1},
		{[]string{"--expect", "2xx", ts.URL + "/status/301?location=/get"}, 0},
		{[]string{"--expect", "301", "--no-follow", ts.URL + "/status/301?location=/get"}, 0},
		{[]string{ts.URL + "/status/200?fault=reset"}, 1},
		{[]string{"--bogus", ts.URL}, 2},
		{[]string{"-i", "/nonexistent/urls.txt"}, 2},
	}
	for _, tt := range tests {
		if _, errOut, code := runChk(t, "", nil, tt.args...); code != tt.want {
			t.Errorf("check %v: exit %d, want %d (%s)", tt.args, code, tt.want, errOut)
		}
	}
	if _, _, code := runChk(t, "not a url\n"+ts.URL+"/status/200\n", nil, "-"); code != 1 {
		t.Errorf("a line that is not a URL: exit %d, want 1", code)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		args    []string
		message string
	}{
		{nil, "no URLs"},
		{[]string{"--json", "--csv", "http://x.invalid"}, "--json and --csv: choose one output format"},
		{[]string{"--json", "--jsonl", "--csv", "http://x.invalid"}, "choose one output format"},
		{[]string{"-H", "NoColon", "http://x.invalid"}, "write a header field as 'Name: value'"},
		{[]string{"-H", "Bad Name: x", "http://x.invalid"}, "is not a field name"},
		{[]string{"-H", "Host: other", "http://x.invalid"}, "Host is written from the URL"},
		{[]string{"--expect", "2xy", "http://x.invalid"}, "not a code (404), a class (4xx) or a range"},
		{[]string{"--expect", "504-500", "http://x.invalid"}, "did you mean 500-504?"},
		{[]string{"--expect", "", "http://x.invalid"}, "--expect"},
		{[]string{"-c", "0", "http://x.invalid"}, "-c/--concurrency must be 1 to 1000"},
		{[]string{"--per-host", "0", "http://x.invalid"}, "--per-host must be"},
		{[]string{"--timeout", "0s", "http://x.invalid"}, "--timeout must be positive"},
		{[]string{"--timeout", "soon", "http://x.invalid"}, "invalid argument"},
		{[]string{"--retries", "11", "http://x.invalid"}, "--retries must be 0 to 10"},
		{[]string{"--max-retry-wait", "-1s", "http://x.invalid"}, "--max-retry-wait must be 0 or more"},
		{[]string{"--max-redirects", "101", "http://x.invalid"}, "--max-redirects must be 0 to 100"},
		{[]string{"--no-follow", "--max-redirects", "3", "http://x.invalid"}, "contradict"},
		{[]string{"--head", "-X", "GET", "http://x.invalid"}, "--head and -X contradict"},
		{[]string{"--head", "-d", "x", "http://x.invalid"}, "--head sends no body"},
		{[]string{"-X", "GE T", "http://x.invalid"}, "is not a method name"},
		{[]string{"-X", "", "http://x.invalid"}, "is not a method name"},
		{[]string{"-vvv", "http://x.invalid"}, "no -vvv"},
		{[]string{"ftp://x.invalid/"}, "only http:// and https://"},
		{[]string{"http://x.invalid:99999/"}, "port"},
		{[]string{"http://user:pw@x.invalid/"}, "user name or password"},
		{[]string{"-", "-"}, "given twice"},
		{[]string{"-i", "-", "-"}, "given twice"},
		{[]string{"-i", filepath.Join(dir, "missing.txt")}, "no such file or directory"},
		{[]string{"-i", dir}, "is a directory"},
		{[]string{"--user-agent", "a\nb", "http://x.invalid"}, "one line"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runChk(t, "", nil, tt.args...)
			if code != 2 || out != "" {
				t.Fatalf("exit %d, stdout %q; want exit 2 and nothing on stdout", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "httpstatus: ") || !strings.Contains(errOut, tt.message) {
				t.Errorf("stderr %q, want one line saying %q", errOut, tt.message)
			}
		})
	}
}

func TestCheckInput(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	host := strings.TrimPrefix(ts.URL, "http://")
	lines := "\ufeff# URLs to check\r\n\r\n" + ts.URL + "/status/200\r\n   \n" + host + "/status/201\n  # indented comment\n" +
		"http://exa mple.com/\n" + strings.Repeat("x", maxLineBytes+10) + "\n" + ts.URL + "/status/202"
	check := func(name string, out string) {
		var rows []resultJSON
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r resultJSON
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			rows = append(rows, r)
		}
		if len(rows) != 5 {
			t.Fatalf("%s: %d rows, want 5", name, len(rows))
		}
		if rows[0].Status != 200 || rows[1].Status != 201 || rows[1].AssumedScheme != "http" || rows[4].Status != 202 {
			t.Errorf("%s: rows %+v", name, rows)
		}
		if rows[2].Failure != "input" || !strings.Contains(rows[2].Where, "line 7") || !strings.Contains(rows[2].Error, "spaces") {
			t.Errorf("%s: a bad line: %+v", name, rows[2])
		}
		if rows[3].Failure != "input" || !strings.Contains(rows[3].Error, "longer than 16384 bytes") || len(rows[3].Input) > maxLineBytes {
			t.Errorf("%s: a long line: %q (%d bytes of input)", name, rows[3].Error, len(rows[3].Input))
		}
	}
	out, _, _ := runChk(t, lines, nil, "-", "--jsonl")
	check("stdin", out)
	out, _, _ = runChk(t, lines, nil, "-i", "-", "--jsonl")
	check("-i -", out)
	file := filepath.Join(t.TempDir(), "urls.txt")
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runChk(t, "", nil, "-i", file, "--jsonl")
	check("-i FILE", out)
	// Arguments first, then standard input where '-' stands, then -i.
	out, _, _ = runChk(t, ts.URL+"/status/203\n", nil, ts.URL+"/status/201", "-", ts.URL+"/status/202", "-i", file, "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 1+3+5 || rows[1][4] != "201" || rows[2][4] != "203" || rows[3][4] != "202" || rows[4][4] != "200" {
		t.Errorf("sources out of order: %v %v", err, rows)
	}
	// Without a scheme: http:// for loopback, https:// otherwise, said.
	out, _, _ = runChk(t, "", nil, host+"/status/200")
	if !strings.HasPrefix(out, "No scheme given: checking "+ts.URL+"/status/200") {
		t.Errorf("assumed scheme not said:\n%s", out)
	}
	doc, _ := checkJSON(t, "name.invalid/x")
	if r := doc.Results[0]; r.URL != "https://name.invalid/x" || r.AssumedScheme != "https" {
		t.Errorf("https not assumed: %+v", r)
	}
}

func TestCheckJSONSchema(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	out, errOut, code := runChk(t, "", nil, "--json", ts.URL+"/redirect/1", ts.URL+"/status/404", "http://name.invalid/")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	// The field names consumers rely on, decoded without our types.
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema_version", "results", "summary", "codes"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("document lacks %q", key)
		}
	}
	first := doc["results"].([]any)[0].(map[string]any)
	for _, key := range []string{"index", "input", "url", "final_url", "status", "phrase", "ok", "expected", "redirects", "time_ms", "elapsed_ms", "protocol", "retries", "rate_limited", "chain"} {
		if _, ok := first[key]; !ok {
			t.Errorf("result lacks %q", key)
		}
	}
	hop := first["chain"].([]any)[0].(map[string]any)
	for _, key := range []string{"n", "method", "url", "status", "reason", "phrase", "proto", "interim", "redirect", "reused", "timings", "phases", "headers", "body_bytes"} {
		if _, ok := hop[key]; !ok {
			t.Errorf("hop lacks %q", key)
		}
	}
	var typed checkDoc
	if err := json.Unmarshal([]byte(out), &typed); err != nil {
		t.Fatal(err)
	}
	r := typed.Results[0]
	if typed.SchemaVersion != 1 || r.Index != 1 || r.Status != 200 || r.Redirects != 1 || r.Chain[0].Phrase != "Found" || r.Chain[0].Timings.TotalMS <= 0 || r.Chain[0].Phases.WaitMS == nil {
		t.Errorf("first result %+v", r)
	}
	if s := typed.Summary; s.URLs != 3 || s.Met != 1 || s.Unmet != 2 || s.Errors != 1 || s.Redirected != 1 || s.Classes["2xx"] != 1 || s.Classes["4xx"] != 1 || s.Classes["000"] != 1 {
		t.Errorf("summary %+v", s)
	}
	if c := typed.Codes["302"]; c.Phrase != "Found" || c.Meaning == "" || typed.Codes["000"].Phrase != "no answer" {
		t.Errorf("codes %+v", typed.Codes)
	}
	if !strings.Contains(errOut, "3 URLs in") || strings.ContainsAny(errOut, "\r\x1b") {
		t.Errorf("the summary goes to stderr, plain: %q", errOut)
	}
	// No results: still one document.
	out, _, _ = runChk(t, "# nothing\n", nil, "-", "--json")
	if err := json.Unmarshal([]byte(out), &typed); err != nil || len(typed.Results) != 0 || typed.Summary.URLs != 0 {
		t.Errorf("empty input: %v %q", err, out)
	}
}

func TestCheckCSV(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	out, _, code := runChk(t, "", nil, "--csv", "--head", ts.URL+"/status/200", ts.URL+"/redirect/2", ts.URL+"/upload")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || code != 1 || len(rows) != 4 {
		t.Fatalf("exit %d, %v, %d rows", code, err, len(rows))
	}
	if strings.Join(rows[0], ",") != strings.Join(checkCSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	col := func(row []string, name string) string {
		for i, h := range checkCSVHeader {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	if col(rows[1], "status") != "200" || col(rows[1], "ok") != "true" || col(rows[2], "redirects") != "2" || col(rows[2], "final_url") != ts.URL+"/get" {
		t.Errorf("rows %v", rows[1:3])
	}
	if col(rows[3], "head_fallback") != "405" || col(rows[3], "status") != "405" || col(rows[3], "ok") != "false" {
		t.Errorf("row %v", rows[3])
	}
	if _, err := strconv.ParseFloat(col(rows[1], "time_ms"), 64); err != nil {
		t.Errorf("time_ms %q", col(rows[1], "time_ms"))
	}
	out, _, _ = runChk(t, "", nil, "--csv", "-i", "-")
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || len(rows) != 1 {
		t.Errorf("no URLs: the header alone, got %v %v", rows, err)
	}
}

func TestCheckColor(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	for _, args := range [][]string{{ts.URL + "/status/404"}, {ts.URL + "/status/404", ts.URL + "/redirect/1"}} {
		for _, c := range []struct {
			environ map[string]string
			flags   []string
			color   bool
		}{
			{map[string]string{"NO_COLOR": "1"}, nil, false},
			{nil, []string{"--color=never"}, false},
			{nil, nil, false}, // a buffer is not a terminal
			{map[string]string{"NO_COLOR": "1"}, []string{"--color=always"}, true},
		} {
			out, errOut, _ := runChk(t, "", c.environ, append(c.flags, args...)...)
			if strings.Contains(out, "\x1b") != c.color || strings.ContainsAny(errOut, "\x1b\r") {
				t.Errorf("%v %v %d URLs: escape codes in stdout %v, want %v; stderr %q", c.environ, c.flags, len(args), !c.color, c.color, errOut)
			}
		}
	}
	out, _, _ := runChk(t, "", nil, "--color=always", ts.URL+"/status/404")
	if !strings.Contains(out, "\x1b[1m\x1b[33m404 Not Found") {
		t.Errorf("404 is not in the 4xx colour:\n%q", out)
	}
}

func TestCheckHelp(t *testing.T) {
	t.Parallel()
	out, _, code := runChk(t, "", nil, "--help")
	for _, want := range []string{"Examples:", "Exit codes: 0 every URL met its expectation", "--per-host", "--jsonl", "--http2"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("check --help lacks %q", want)
		}
	}
}

func TestCheckStaleConnection(t *testing.T) {
	t.Parallel()
	// The server closes a kept-alive connection after 50 ms idle; the
	// third request comes after 200 ms, on the connection of the first.
	idle := httptest.NewUnstartedServer(server.NewServer(server.Options{}))
	idle.Config.IdleTimeout = 50 * time.Millisecond
	idle.Start()
	defer idle.Close()
	other := testService(t)
	doc, code := checkJSON(t, "-c", "1", idle.URL+"/status/200", other.URL+"/status/200?sleep=200ms", idle.URL+"/status/201")
	if r := doc.Results[2]; code != 0 || r.Status != 201 || r.Chain[0].Reused {
		t.Errorf("exit %d; the request after the server closed the idle connection: status %d, error %q, reused %v", code, r.Status, r.Error, r.Chain[0].Reused)
	}
}

func TestCheckIdleConnectionsBounded(t *testing.T) {
	t.Parallel()
	var open, most atomic.Int64
	var args []string
	for range 100 {
		ts := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			switch s {
			case http.StateNew:
				n := open.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
			case http.StateClosed, http.StateHijacked:
				open.Add(-1)
			}
		}
		ts.Start()
		defer ts.Close()
		args = append(args, ts.URL+"/a", ts.URL+"/b")
	}
	if _, errOut, code := runChk(t, "", nil, append([]string{"--csv", "-c", "4", "--per-host", "1"}, args...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// 64 kept at most, and those in use.
	if m := most.Load(); m > 64+4+2 {
		t.Errorf("%d connections open at once over 100 hosts", m)
	}
}

// TestCheckMaxBody: the final body is reported up to --max-body (64 KiB
// by default), base64 when it is not text, never the bodies of redirects,
// and not at all with --max-body 0; HTTP/2 the same.
func TestCheckMaxBody(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	doc, _ := checkJSON(t, ts.URL+"/redirect/1", ts.URL+"/range/100000", ts.URL+"/status/200?body=%FF%FE")
	redirected, big, binary := doc.Results[0], doc.Results[1], doc.Results[2]
	if redirected.Chain[0].Body != "" || !strings.Contains(redirected.Chain[1].Body, `"url"`) {
		t.Errorf("redirect bodies: hop 1 %q, final %q", redirected.Chain[0].Body, redirected.Chain[1].Body)
	}
	if h := big.Chain[0]; len(h.Body) != 64<<10 || !h.BodyTruncated || h.BodyBytes != 100000 || !strings.HasPrefix(h.Body, "abcdef") {
		t.Errorf("a 100,000-byte body: %d shown, truncated %v, %d bytes", len(h.Body), h.BodyTruncated, h.BodyBytes)
	}
	if h := binary.Chain[0]; h.Body != "//4=" || !h.BodyBase64 {
		t.Errorf("a binary body: %q base64 %v", h.Body, h.BodyBase64)
	}
	doc, _ = checkJSON(t, "--max-body", "10", ts.URL+"/range/100")
	if h := doc.Results[0].Chain[0]; h.Body != "abcdefghij" || !h.BodyTruncated || h.BodyBytes != 100 {
		t.Errorf("--max-body 10: %q truncated %v bytes %d", h.Body, h.BodyTruncated, h.BodyBytes)
	}
	doc, _ = checkJSON(t, "--max-body", "0", ts.URL+"/range/100")
	if h := doc.Results[0].Chain[0]; h.Body != "" || h.BodyTruncated || h.BodyBytes != 100 {
		t.Errorf("--max-body 0: %q truncated %v bytes %d", h.Body, h.BodyTruncated, h.BodyBytes)
	}
	h2 := httptest.NewUnstartedServer(server.NewServer(server.Options{}))
	h2.EnableHTTP2 = true
	h2.StartTLS()
	defer h2.Close()
	doc, _ = checkJSON(t, "--http2", "-k", "--max-body", "5", h2.URL+"/range/26")
	if h := doc.Results[0].Chain[0]; h.Body != "abcde" || !h.BodyTruncated || h.BodyBytes != 26 || h.Proto != "HTTP/2.0" {
		t.Errorf("HTTP/2 --max-body 5: %q truncated %v bytes %d proto %q", h.Body, h.BodyTruncated, h.BodyBytes, h.Proto)
	}
	if _, errOut, code := runChk(t, "", nil, "--max-body", "1GiB", ts.URL); code != 2 || !strings.Contains(errOut, "--max-body must be at most 16MiB") {
		t.Errorf("--max-body 1GiB: exit %d %q", code, errOut)
	}
	// -vv shows the body, with what a terminal must not see escaped.
	out, _, _ := runChk(t, "", nil, "-vv", ts.URL+"/status/200?body=a%1B%5B2Jb")
	if !strings.Contains(out, `a\x1b[2Jb`) || strings.Contains(out, "\x1b[2J") {
		t.Errorf("-vv body: %q", out)
	}
}

// TestCheckStreams: with --jsonl a result is out (within the flush
// period) while later URLs are still running.
func TestCheckStreams(t *testing.T) {
	t.Parallel()
	ts := testService(t)
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Main(context.Background(), []string{"check", "--jsonl", ts.URL + "/status/200", ts.URL + "/status/200?sleep=2s"}, strings.NewReader(""), pw, io.Discard, func(string) string { return "" })
		pw.Close()
	}()
	first := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(pr).ReadString('\n')
		first <- line
		io.Copy(io.Discard, pr)
	}()
	select {
	case line := <-first:
		if !strings.Contains(line, `"index":1`) {
			t.Errorf("first line %q", line)
		}
	case <-time.After(1500 * time.Millisecond):
		t.Error("the first result waited for the slow one")
	}
	<-done
}

// TestCheckRetryGivesTheHostBack: a check waiting to retry does not hold
// its --per-host slot, so another URL of the host runs meanwhile.
func TestCheckRetryGivesTheHostBack(t *testing.T) {
	t.Parallel()
	start := time.Now()
	var goodAt atomic.Int64
	ts := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		goodAt.CompareAndSwap(0, int64(time.Since(start)))
	})
	runChk(t, "", nil, "--per-host", "1", "-c", "2", "--retries", "3", ts.URL+"/bad", ts.URL+"/good")
	// /bad's retries wait 250, 500 and 1000 ms; /good must not wait for them.
	if at := time.Duration(goodAt.Load()); at == 0 || at > time.Second {
		t.Errorf("/good was first asked for after %v", at)
	}
}
