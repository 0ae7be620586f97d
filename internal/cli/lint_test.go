package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// misbehaving is a server on loopback whose paths each break a rule, and
// one that breaks none; it counts the requests per method and path.
type misbehaving struct {
	*httptest.Server
	mu   sync.Mutex
	seen map[string]int // "HEAD /head-405" → requests
}

func (m *misbehaving) count(method, path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen[method+" "+path]
}

// cleanBody is what /clean serves, with every header it should.
const cleanBody = "all is well\n"

var cleanTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// newMisbehaving starts the server. Keep-alive is off, so that whether a
// hop reuses a connection does not depend on timing (see TestCheckGolden).
func newMisbehaving(t *testing.T) *misbehaving {
	t.Helper()
	m := &misbehaving{seen: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/clean", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Cache-Control", "max-age=60")
		http.ServeContent(w, r, "", cleanTime, strings.NewReader(cleanBody))
	})
	// A 401 without WWW-Authenticate: an error.
	mux.HandleFunc("/auth", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintln(w, "who are you?")
	})
	// A 204 with content after its head: written raw, as net/http would
	// not send it.
	mux.HandleFunc("/no-content", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nsurprise")
		buf.Flush()
	})
	// A 200 that says it failed: a warning.
	mux.HandleFunc("/soft", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, `{"success": false, "error": "the order was not found"}`)
	})
	// A 200 with only advice against it: no validator.
	mux.HandleFunc("/advice", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "fine, but not cacheable cheaply")
	})
	// A 500 that shows a Python traceback: an error.
	mux.HandleFunc("/crash", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, "Traceback (most recent call last):\n  File \"/srv/app/views.py\", line 42, in order\n    total = order.total()\nAttributeError: 'NoneType' object has no attribute 'total'\n")
	})
	// HEAD answers 405 while GET answers 200.
	mux.HandleFunc("/head-405", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.Header().Set("Allow", "GET")
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("ETag", `"h1"`)
		fmt.Fprintln(w, "GET only")
	})
	// /chain/N redirects N times with 302, then lands on /clean.
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/chain/"))
		if err != nil || n < 0 {
			http.NotFound(w, r)
			return
		}
		next := "/clean"
		if n > 1 {
			next = "/chain/" + strconv.Itoa(n-1)
		}
		w.Header().Set("Location", next)
		w.WriteHeader(http.StatusFound)
	})
	// /to-auth: a 302 that adds a trailing slash (a move that looks
	// permanent), then one to the 401.
	mux.HandleFunc("/to-auth", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/to-auth/")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/to-auth/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/auth")
		w.WriteHeader(http.StatusFound)
	})
	// A page that answers any path the same (soft 404s): the sibling
	// URL of --active finds it.
	mux.HandleFunc("/pages/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"p1"`)
		if r.Header.Get("If-None-Match") == `"p1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "<html><body><h1>Welcome</h1><p>"+strings.Repeat("Our shop has everything. ", 20)+"</p></body></html>")
	})
	// HEAD hangs until the client gives up: --timeout must cut it.
	mux.HandleFunc("/slow-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, "quick GET")
	})
	mux.HandleFunc("/", http.NotFound)
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.seen[r.Method+" "+r.URL.Path]++
		m.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	ts.Config.SetKeepAlivesEnabled(false)
	ts.Start()
	t.Cleanup(ts.Close)
	m.Server = ts
	return m
}

// runMain runs the httpstatus command through Main, with stdin and a
// fixed environment.
func runMain(t *testing.T, stdin string, environ map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return environ[k] })
	return out.String(), errOut.String(), code
}

// runLnt runs 'httpstatus lint'.
func runLnt(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runMain(t, stdin, nil, append([]string{"lint"}, args...)...)
}

// lintJSON runs 'httpstatus lint --json' and decodes the document, which
// has the shape of check's.
func lintJSON(t *testing.T, args ...string) (checkDoc, int) {
	t.Helper()
	out, errOut, code := runLnt(t, "", append([]string{"--json"}, args...)...)
	var doc checkDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json output does not decode: %v\nstdout %q\nstderr %q", err, out, errOut)
	}
	return doc, code
}

// ruleIDs lists the rule ids of findings, in their order.
func ruleIDs(fs []findingJSON) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return ids
}

// TestLintGolden compares the text output of lint (and of check, which
// shows the passive findings too) with the files under testdata/lint.
// Times are fixed at 0.123 ms, the port masked; run 'go test
// ./internal/cli -update' after a deliberate change, and review the diff.
func TestLintGolden(t *testing.T) {
	// Not parallel: it fixes the times every check prints.
	saved := showMS
	showMS = func(float64) string { return "0.123 ms" }
	t.Cleanup(func() { showMS = saved })
	m := newMisbehaving(t)
	bulk := "# every way to break a rule, and one that breaks none\n" +
		m.URL + "/clean\n" + m.URL + "/auth\n" + m.URL + "/no-content\n" + m.URL + "/soft\n" + m.URL + "/crash\n" +
		m.URL + "/chain/4\n" + m.URL + "/advice\n" + m.URL + "/head-405\nnot a url\nhttp://name.invalid/\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		exit  int
	}{
		{"rules", "", []string{"lint", "--rules"}, 0},
		{"one-url", "", []string{"lint", m.URL + "/to-auth"}, 1},
		{"one-url-clean", "", []string{"lint", m.URL + "/clean"}, 0},
		{"one-url-active", "", []string{"lint", "--fail-on", "warning", m.URL + "/head-405"}, 1},
		{"one-url-chain", "", []string{"lint", "--active=false", m.URL + "/chain/4"}, 0},
		{"bulk", bulk, []string{"lint", "-"}, 1},
		{"bulk-ignore", bulk, []string{"lint", "-", "--ignore", "401-no-www-authenticate,status-204-content", "--ignore", "leak-on-5xx"}, 1},
		{"check-crash", "", []string{"check", "--expect", "500", m.URL + "/crash"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(tt.args[:1:1], append([]string{"--user-agent", "test/1"}, tt.args[1:]...)...)
			if tt.name == "rules" {
				args = tt.args
			}
			out, errOut, code := runMain(t, tt.stdin, nil, args...)
			if code != tt.exit {
				t.Fatalf("exit %d, want %d; stderr %q\n%s", code, tt.exit, errOut, out)
			}
			if errOut != "" {
				t.Errorf("stderr %q", errOut)
			}
			matchGolden(t, filepath.Join("testdata", "lint", tt.name+".txt"), normalise(out, m.Server))
		})
	}
}

// TestLintFailOn: the exit status follows --fail-on: 1 when a finding is
// at or above it (error by default), or when a URL did not answer.
func TestLintFailOn(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	tests := []struct {
		path   string // on m, or a whole URL
		failOn string // "" leaves the default
		exit   int
		worst  string // the one rule found
	}{
		{"/clean", "info", 0, ""},
		{"/clean", "", 0, ""},
		{"/advice", "error", 0, "no-validator"},
		{"/advice", "warning", 0, "no-validator"},
		{"/advice", "info", 1, "no-validator"},
		{"/soft", "", 0, "soft-error"},
		{"/soft", "error", 0, "soft-error"},
		{"/soft", "warning", 1, "soft-error"},
		{"/soft", "INFO", 1, "soft-error"},
		{"/auth", "", 1, "401-no-www-authenticate"},
		{"/auth", "error", 1, "401-no-www-authenticate"},
		{"/no-content", "error", 1, "status-204-content"},
		{"/crash", "", 1, "leak-on-5xx"},
		{"http://name.invalid/", "info", 1, ""},
		{"http://name.invalid/", "error", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path+" --fail-on "+tt.failOn, func(t *testing.T) {
			t.Parallel()
			u := tt.path
			if strings.HasPrefix(u, "/") {
				u = m.URL + u
			}
			args := []string{u}
			if tt.failOn != "" {
				args = append(args, "--fail-on", tt.failOn)
			}
			doc, code := lintJSON(t, args...)
			r := doc.Results[0]
			if code != tt.exit || r.OK != (tt.exit == 0) {
				t.Errorf("exit %d and ok %v, want exit %d; findings %v, error %q", code, r.OK, tt.exit, ruleIDs(r.Findings), r.Error)
			}
			want := []string(nil)
			if tt.worst != "" {
				want = []string{tt.worst}
			}
			if got := ruleIDs(r.Findings); !slices.Equal(got, want) {
				t.Errorf("findings %v, want %v", got, want)
			}
		})
	}
}

// TestLintIgnore: --ignore drops the findings of the rules it names
// (comma-separated, repeatable), counts them, and so can turn a failure
// into a pass.
func TestLintIgnore(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	doc, code := lintJSON(t, m.URL+"/auth")
	if code != 1 || !slices.Contains(ruleIDs(doc.Results[0].Findings), "401-no-www-authenticate") {
		t.Fatalf("without --ignore: exit %d, findings %v", code, ruleIDs(doc.Results[0].Findings))
	}
	doc, code = lintJSON(t, "--ignore", "401-no-www-authenticate", m.URL+"/auth")
	r := doc.Results[0]
	if code != 0 || !r.OK || len(r.Findings) != 0 || r.Ignored != 1 || doc.Summary.Ignored != 1 || doc.Summary.Findings["error"] != 0 {
		t.Errorf("--ignore 401-no-www-authenticate: exit %d ok %v findings %v ignored %d/%d", code, r.OK, ruleIDs(r.Findings), r.Ignored, doc.Summary.Ignored)
	}
	// Comma-separated and repeated; an id in capitals is the same id.
	doc, code = lintJSON(t, "--fail-on", "info", "--ignore", "no-validator,SOFT-ERROR", "--ignore", "leak-on-5xx", m.URL+"/advice", m.URL+"/soft", m.URL+"/crash", m.URL+"/auth")
	if code != 1 || doc.Summary.Met != 3 || doc.Summary.Unmet != 1 || doc.Summary.Ignored != 3 || doc.Summary.Rules["401-no-www-authenticate"] != 1 || len(doc.Summary.Rules) != 1 {
		t.Errorf("three rules ignored: exit %d, summary %+v", code, doc.Summary)
	}
	// Text: the ignored findings are counted in the row.
	out, _, _ := runLnt(t, "", "--ignore", "soft-error", m.URL+"/soft", m.URL+"/auth")
	if !strings.Contains(out, "(1 finding ignored)") || strings.Contains(out, "soft-error  ") {
		t.Errorf("rows with --ignore:\n%s", out)
	}
}

// TestLintRules: --rules lists every rule (golden in TestLintGolden),
// and with --json as an array of the rules.
func TestLintRules(t *testing.T) {
	t.Parallel()
	out, errOut, code := runLnt(t, "", "--rules", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got []lint.Rule
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := lint.Rules()
	if len(got) != len(want) || len(got) < 40 {
		t.Fatalf("%d rules, want %d", len(got), len(want))
	}
	for i, r := range got {
		if r.ID != want[i].ID || r.Severity != want[i].Severity || r.Family != want[i].Family || !strings.HasPrefix(r.Spec, "https://") || r.Summary == "" {
			t.Errorf("rule %d: %+v, want %+v", i, r, want[i])
		}
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if raw[0]["severity"] == nil || raw[0]["id"] == nil || raw[0]["family"] == nil {
		t.Errorf("the first rule as JSON: %v", raw[0])
	}
	text, _, _ := runLnt(t, "", "--rules")
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(lines[0], "ID ") || !strings.Contains(lines[0], "SEVERITY") || !strings.HasSuffix(lines[0], "SPEC") {
		t.Errorf("header %q", lines[0])
	}
	for _, r := range want {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, r.ID+" ") })
		if i < 0 || !strings.Contains(lines[i], r.Spec) || !strings.Contains(lines[i], " "+r.Severity.String()+" ") {
			t.Errorf("no row for %s", r.ID)
			continue
		}
		// Aligned: the severity starts in the same column on every row.
		if strings.Index(lines[i], " "+r.Severity.String()+" ")+1 != strings.Index(lines[0], "SEVERITY") {
			t.Errorf("row %q is not aligned with %q", lines[i], lines[0])
		}
	}
}

// TestLintJSON decodes --json: check's results plus findings with their
// hop (the index in chain) and a summary counting them.
func TestLintJSON(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	out, errOut, code := runLnt(t, "", "--json", m.URL+"/to-auth", m.URL+"/soft", "http://name.invalid/")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var doc checkDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || len(doc.Results) != 3 {
		t.Fatalf("schema %d, %d results", doc.SchemaVersion, len(doc.Results))
	}
	auth, soft, none := doc.Results[0], doc.Results[1], doc.Results[2]
	if auth.Status != 401 || auth.OK || auth.FailOn != "error" || auth.Expected != "" || len(auth.Chain) != 3 || auth.ActiveRequests != 0 {
		t.Errorf("the 401: %+v", auth)
	}
	i := slices.Index(ruleIDs(auth.Findings), "401-no-www-authenticate")
	if i < 0 {
		t.Fatalf("the 401's findings: %v", ruleIDs(auth.Findings))
	}
	if f := auth.Findings[i]; f.Severity != lint.Error || f.Hop != 2 || auth.Chain[f.Hop].Status != 401 || f.Code != 401 || f.Link != "/401" ||
		!strings.HasPrefix(f.Spec, "https://www.rfc-editor.org/") || !strings.Contains(f.Message, "WWW-Authenticate") {
		t.Errorf("finding %+v", f)
	}
	if !soft.OK || len(soft.Findings) != 1 || soft.Findings[0].Rule != "soft-error" || soft.Findings[0].Severity != lint.Warning || soft.Findings[0].Hop != 0 {
		t.Errorf("the soft error: ok %v, findings %+v", soft.OK, soft.Findings)
	}
	if none.Status != 0 || none.OK || none.Findings == nil || len(none.Findings) != 0 {
		t.Errorf("no answer: %+v", none)
	}
	s := doc.Summary
	var want [lint.Error + 1]int
	rules := map[string]int{}
	for _, r := range doc.Results {
		for _, f := range r.Findings {
			want[f.Severity]++
			rules[f.Rule]++
		}
	}
	if s.URLs != 3 || s.Met != 1 || s.Unmet != 2 || s.FailOn != "error" || s.Expected != "" ||
		s.Findings["error"] != want[lint.Error] || s.Findings["warning"] != want[lint.Warning] || s.Findings["info"] != want[lint.Info] ||
		want[lint.Error] == 0 || !maps.Equal(s.Rules, rules) {
		t.Errorf("summary %+v, findings counted %v %v", s, want, rules)
	}
	// The field names consumers rely on, decoded without our types.
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	first := raw["results"].([]any)[0].(map[string]any)
	f := first["findings"].([]any)[0].(map[string]any)
	for _, key := range []string{"rule", "severity", "message", "hop", "spec", "code", "link"} {
		if _, ok := f[key]; !ok {
			t.Errorf("finding lacks %q: %v", key, f)
		}
	}
	sum := raw["summary"].(map[string]any)
	for _, key := range []string{"findings", "rules", "fail_on", "urls", "met", "unmet"} {
		if _, ok := sum[key]; !ok {
			t.Errorf("summary lacks %q", key)
		}
	}
	if !strings.Contains(errOut, "3 URLs in") || !strings.Contains(errOut, "finding") {
		t.Errorf("the summary goes to stderr: %q", errOut)
	}

	// --jsonl: one result per line, each standing alone.
	out, _, code = runLnt(t, m.URL+"/auth\n"+m.URL+"/clean\n", "-", "--jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 {
		t.Fatalf("--jsonl: exit %d, %d lines", code, len(lines))
	}
	for n, line := range lines {
		var r resultJSON
		if err := json.Unmarshal([]byte(line), &r); err != nil || r.SchemaVersion != 1 || r.Index != n+1 || r.Findings == nil {
			t.Errorf("--jsonl line %d: %v %q", n+1, err, line)
		}
	}
	if !strings.Contains(lines[0], `"rule":"401-no-www-authenticate"`) || !strings.Contains(lines[1], `"findings":[]`) {
		t.Errorf("--jsonl findings:\n%s", out)
	}
}

// TestLintCSV: one row per finding, and one with an empty rule for a URL
// that did not answer or is not a URL; nothing for a clean one.
func TestLintCSV(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	in := m.URL + "/auth\n" + m.URL + "/clean\nnot a url\nhttp://name.invalid/\n" + m.URL + "/chain/4\n"
	out, errOut, code := runLnt(t, in, "--csv", "-i", "-")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || code != 1 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if !slices.Equal(rows[0], lintCSVHeader) || !slices.Equal(lintCSVHeader, []string{"index", "url", "hop", "hop_url", "status", "rule", "severity", "message", "spec"}) {
		t.Errorf("header %v", rows[0])
	}
	col := func(row []string, name string) string {
		return row[slices.Index(lintCSVHeader, name)]
	}
	byURL := map[string][][]string{}
	for _, row := range rows[1:] {
		byURL[col(row, "index")] = append(byURL[col(row, "index")], row)
	}
	if a := byURL["1"]; len(a) != 1 || col(a[0], "rule") != "401-no-www-authenticate" || col(a[0], "severity") != "error" || col(a[0], "status") != "401" ||
		col(a[0], "hop") != "0" || col(a[0], "url") != m.URL+"/auth" || !strings.HasPrefix(col(a[0], "spec"), "https://") || col(a[0], "message") == "" {
		t.Errorf("the 401: %v", a)
	}
	if c := byURL["2"]; len(c) != 0 {
		t.Errorf("the clean URL: %v", c)
	}
	if n := byURL["3"]; len(n) != 1 || col(n[0], "rule") != "" || !strings.Contains(col(n[0], "message"), "line 3 of standard input") {
		t.Errorf("not a URL: %v", n)
	}
	if d := byURL["4"]; len(d) != 1 || col(d[0], "rule") != "" || col(d[0], "status") != "000" || col(d[0], "message") == "" {
		t.Errorf("no answer: %v", d)
	}
	if ch := byURL["5"]; len(ch) != 1 || col(ch[0], "rule") != "redirect-chain-long" || col(ch[0], "hop") != "4" || col(ch[0], "hop_url") != m.URL+"/clean" || col(ch[0], "status") != "200" {
		t.Errorf("the chain: %v", ch)
	}
	if !strings.Contains(errOut, "5 URLs in") {
		t.Errorf("stderr %q", errOut)
	}
	// No findings at all: the header alone.
	out, _, code = runLnt(t, "", "--csv", m.URL+"/clean")
	if code != 0 || out != strings.Join(lintCSVHeader, ",")+"\n" {
		t.Errorf("a clean URL: exit %d\n%s", code, out)
	}
}

// TestLintActive: --active is on by default for one URL given as an
// argument and off for a list; the flag says otherwise either way. Its
// requests go to the final URL only.
func TestLintActive(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		stdin  string
		args   []string // "URL" stands for /head-405, "CLEAN" for /clean
		active bool
	}{
		{"one URL", "", []string{"URL"}, true},
		{"one URL --active=false", "", []string{"--active=false", "URL"}, false},
		{"two URLs", "", []string{"URL", "CLEAN"}, false},
		{"two URLs --active", "", []string{"--active", "URL", "CLEAN"}, true},
		{"standard input", "URL\n", []string{"-"}, false},
		{"-i with one line", "URL\n", []string{"-i", "-"}, false},
		{"-i --active", "URL\n", []string{"-i", "-", "--active"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMisbehaving(t)
			subst := strings.NewReplacer("URL", m.URL+"/head-405", "CLEAN", m.URL+"/clean")
			args := []string{"--json"}
			for _, a := range tt.args {
				args = append(args, subst.Replace(a))
			}
			out, errOut, _ := runLnt(t, subst.Replace(tt.stdin), args...)
			var doc checkDoc
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("%v\n%s\n%s", err, out, errOut)
			}
			r := doc.Results[0]
			found := slices.Contains(ruleIDs(r.Findings), "head-get-status")
			heads := m.count(http.MethodHead, "/head-405")
			if found != tt.active || (heads > 0) != tt.active || (r.ActiveRequests > 0) != tt.active {
				t.Errorf("head-get-status found %v, %d HEAD requests, active_requests %d; want active %v", found, heads, r.ActiveRequests, tt.active)
			}
			if !tt.active && (m.count(http.MethodGet, "/head-405") != 1 || r.ActiveRequests != 0) {
				t.Errorf("without --active: %d GET requests, active_requests %d", m.count(http.MethodGet, "/head-405"), r.ActiveRequests)
			}
			if tt.active {
				if f := r.Findings[slices.Index(ruleIDs(r.Findings), "head-get-status")]; f.Severity != lint.Warning || !f.Active || f.Hop != 0 || f.Code != 405 {
					t.Errorf("finding %+v", f)
				}
			}
		})
	}
	t.Run("soft 404 from a random sibling URL", func(t *testing.T) {
		t.Parallel()
		m := newMisbehaving(t)
		doc, code := lintJSON(t, m.URL+"/pages/shoes")
		r := doc.Results[0]
		i := slices.Index(ruleIDs(r.Findings), "soft-404")
		if code != 0 || i < 0 || !strings.Contains(r.Findings[i].Message, m.URL+"/pages/httpstatus-lint-") {
			t.Fatalf("exit %d, findings %+v", code, r.Findings)
		}
	})
	t.Run("after redirects, the final URL only", func(t *testing.T) {
		t.Parallel()
		m := newMisbehaving(t)
		doc, code := lintJSON(t, m.URL+"/chain/2")
		r := doc.Results[0]
		if code != 0 || r.ActiveRequests < 4 || m.count(http.MethodHead, "/clean") != 1 || m.count(http.MethodHead, "/chain/2") != 0 || m.count(http.MethodGet, "/chain/2") != 1 {
			t.Errorf("exit %d, %d active requests, HEAD /clean %d, HEAD /chain/2 %d, findings %v", code, r.ActiveRequests,
				m.count(http.MethodHead, "/clean"), m.count(http.MethodHead, "/chain/2"), ruleIDs(r.Findings))
		}
		// Two redirects are not too many, and /clean breaks nothing.
		if len(r.Findings) != 0 {
			t.Errorf("findings %v", ruleIDs(r.Findings))
		}
	})
	t.Run("not after a POST", func(t *testing.T) {
		t.Parallel()
		m := newMisbehaving(t)
		doc, _ := lintJSON(t, "-X", "POST", m.URL+"/head-405")
		if r := doc.Results[0]; r.ActiveRequests != 0 || m.count(http.MethodHead, "/head-405") != 0 {
			t.Errorf("%d active requests after a POST", r.ActiveRequests)
		}
	})
}

// TestLintActiveTimeout: each request of lint's own is bounded by
// --timeout; one that times out is skipped, not reported.
func TestLintActiveTimeout(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	start := time.Now()
	doc, code := lintJSON(t, "--timeout", "300ms", m.URL+"/slow-head")
	took := time.Since(start)
	r := doc.Results[0]
	if took > 2500*time.Millisecond || code != 0 || !r.OK || len(r.Findings) != 0 || r.ActiveRequests == 0 || m.count(http.MethodHead, "/slow-head") != 1 {
		t.Errorf("took %v, exit %d, ok %v, findings %v, %d active requests", took, code, r.OK, ruleIDs(r.Findings), r.ActiveRequests)
	}
}

// TestLintText: the one-URL view puts each finding under its hop, with
// the spec and the code to read about, wrapped to at most 100 columns,
// and colours the severity only when asked to.
func TestLintText(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	out, _, code := runMain(t, "", map[string]string{"COLUMNS": "120"}, "lint", m.URL+"/to-auth")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	_, findings, ok := strings.Cut(out, "\nFindings\n")
	if !ok {
		t.Fatalf("no Findings section:\n%s", out)
	}
	hop1 := strings.Index(findings, "1 GET "+m.URL+"/to-auth → 302")
	info := strings.Index(findings, "info     redirect-permanent-as-temporary: ")
	hop3 := strings.Index(findings, "3 GET "+m.URL+"/auth → 401")
	rule := strings.Index(findings, "error    401-no-www-authenticate: ")
	if hop1 < 0 || info < hop1 || hop3 < info || rule < hop3 || !strings.Contains(findings[rule:], "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2") ||
		!strings.Contains(findings, "('httpstatus 401' for more)") {
		t.Errorf("findings:\n%s", findings)
	}
	if strings.Contains(findings, "2 GET "+m.URL+"/to-auth/") {
		t.Errorf("a hop without findings is listed:\n%s", findings)
	}
	long := false
	for _, line := range strings.Split(out, "\n") {
		n := utf8.RuneCountInString(line)
		long = long || n > 100
		if strings.HasPrefix(line, "     ") && strings.Contains(findings, line) && n > 100 {
			t.Errorf("a finding's line is %d columns: %q", n, line)
		}
	}
	if !long {
		t.Error("no line of the view is over 100 columns at COLUMNS=120: the cap on findings is untested")
	}
	if !strings.HasSuffix(out, "✗ 3 findings: 1 error, 1 warning, 1 info: at or above --fail-on error\n") || strings.Contains(out, "\x1b[") {
		t.Errorf("the total:\n%s", out)
	}
	coloured, _, _ := runMain(t, "", nil, "--color", "always", "lint", m.URL+"/auth")
	if !strings.Contains(coloured, ansiBold+"\x1b[31merror"+ansiReset+"    401-no-www-authenticate") {
		t.Errorf("--color always does not colour the severity:\n%q", coloured)
	}
	// Findings are wrapped to the terminal when it is narrower.
	narrow, _, _ := runMain(t, "", map[string]string{"COLUMNS": "60"}, "lint", m.URL+"/auth")
	_, nf, _ := strings.Cut(narrow, "\nFindings\n")
	nf, _, _ = strings.Cut(nf, "\n\n")
	for _, line := range strings.Split(nf, "\n") {
		if n := utf8.RuneCountInString(line); n > 60 && !strings.Contains(line, "https://") {
			t.Errorf("at 60 columns a finding's line is %d: %q", n, line)
		}
	}
	// A clean URL: no findings section, and the total says so.
	out, _, code = runLnt(t, "", m.URL+"/clean")
	if code != 0 || strings.Contains(out, "\nFindings\n") || !strings.HasSuffix(out, "✓ no findings\n") || !strings.Contains(out, "--active: lint sent 5 requests of its own") {
		t.Errorf("a clean URL: exit %d\n%s", code, out)
	}
}

// TestLintUsageErrors: one line on stderr, naming the command, exit 2,
// and nothing sent.
func TestLintUsageErrors(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	tests := []struct {
		args    []string
		message string
	}{
		{[]string{"--fail-on", "fatal", m.URL + "/clean"}, `--fail-on must be info, warning or error, not "fatal"`},
		{[]string{"--fail-on", "", m.URL + "/clean"}, `--fail-on must be info, warning or error, not ""`},
		{[]string{"--ignore", "no-such-rule", m.URL + "/clean"}, `--ignore "no-such-rule": no such rule`},
		{[]string{"--ignore", "no-validator,soft-eror", m.URL + "/clean"}, `--ignore "soft-eror": no such rule; did you mean soft-error?`},
		{[]string{"--ignore", "no-validator,", m.URL + "/clean"}, "one is empty"},
		{[]string{"--rules", m.URL + "/clean"}, "--rules lists the rules and takes no URL"},
		{[]string{"--rules", "--csv"}, "--rules prints a table, or a JSON array with --json"},
		{[]string{"--expect", "2xx", m.URL + "/clean"}, "unknown flag: --expect"},
		{[]string{"--active=sometimes", m.URL + "/clean"}, `invalid argument "sometimes" for "--active"`},
		{[]string{"--json", "--csv", m.URL + "/clean"}, "--json and --csv: choose one output format"},
		{[]string{}, "no URLs"},
		{[]string{"http://bad host/"}, "spaces or control characters"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := runLnt(t, "", tt.args...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "httpstatus lint: ") || !strings.Contains(errOut, tt.message) {
				t.Errorf("stderr %q, want one line 'httpstatus lint: ...%s...'", errOut, tt.message)
			}
		})
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.seen) != 0 {
		t.Errorf("requests sent despite usage errors: %v", m.seen)
	}
}

func TestLintHelp(t *testing.T) {
	t.Parallel()
	out, _, code := runLnt(t, "", "--help")
	for _, want := range []string{"Examples:", "--fail-on", "--active", "--ignore", "--rules", "one row per finding", "Exit codes: 0", "--per-host", "--http2"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help lacks %q (exit %d)", want, code)
		}
	}
	for _, flag := range []string{"--expect", "--head "} {
		if strings.Contains(out, flag) {
			t.Errorf("help offers check's %s", flag)
		}
	}
}

// TestCheckShowsFindings: check runs the passive rules on what it
// fetched and shows them, without a request more and without changing
// its exit status.
func TestCheckShowsFindings(t *testing.T) {
	t.Parallel()
	m := newMisbehaving(t)
	out, _, code := runChk(t, "", nil, "--expect", "500", m.URL+"/crash")
	if code != 0 || !strings.Contains(out, "\nFindings\n") || !strings.Contains(out, "error    leak-on-5xx: ") || !strings.HasSuffix(out, "expected 500\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
	doc, code := checkJSON(t, m.URL+"/crash", m.URL+"/head-405", m.URL+"/clean")
	crash, head, clean := doc.Results[0], doc.Results[1], doc.Results[2]
	if code != 1 || len(crash.Findings) != 1 || crash.Findings[0].Rule != "leak-on-5xx" || crash.Findings[0].Hop != 0 || crash.Findings[0].Severity != lint.Error {
		t.Errorf("exit %d, the crash's findings %+v", code, crash.Findings)
	}
	if slices.Contains(ruleIDs(head.Findings), "head-get-status") || head.ActiveRequests != 0 || m.count(http.MethodHead, "/head-405") != 0 {
		t.Errorf("check sent requests of lint's own: %v", ruleIDs(head.Findings))
	}
	if clean.Findings == nil || len(clean.Findings) != 0 || doc.Summary.Findings["error"] != 1 || doc.Summary.Rules["leak-on-5xx"] != 1 || doc.Summary.Expected != "below 400" || doc.Summary.FailOn != "" {
		t.Errorf("clean findings %v, summary %+v", clean.Findings, doc.Summary)
	}
	for _, r := range doc.Results {
		if r.Expected != "below 400" || r.FailOn != "" {
			t.Errorf("result %d: expected %q, fail_on %q", r.Index, r.Expected, r.FailOn)
		}
	}
	// The rules read the body whatever --max-body shows of it.
	for _, maxBody := range []string{"0", "5"} {
		doc, _ = checkJSON(t, "--max-body", maxBody, m.URL+"/soft")
		r := doc.Results[0]
		want := map[string]string{"0": "", "5": `{"suc`}[maxBody]
		if h := r.Chain[0]; h.Body != want || h.BodyTruncated != (maxBody != "0") || !slices.Equal(ruleIDs(r.Findings), []string{"soft-error"}) {
			t.Errorf("--max-body %s: body %q truncated %v, findings %v", maxBody, h.Body, h.BodyTruncated, ruleIDs(r.Findings))
		}
	}
	// The bulk rows stay as they were.
	out, _, _ = runChk(t, "", nil, m.URL+"/crash", m.URL+"/clean")
	if strings.Contains(out, "leak-on-5xx") || strings.Contains(out, "finding") {
		t.Errorf("check's bulk rows show findings:\n%s", out)
	}
}

// TestCutBody: the final body is cut to --max-body as the engine would
// have kept it: text when the bytes kept are UTF-8, else base64.
func TestCutBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		body      string
		base64    bool
		n         int64
		want      string
		wantB64   bool
		truncated bool
	}{
		{"shorter", "abc", false, 10, "abc", false, false},
		{"exact", "abc", false, 3, "abc", false, false},
		{"cut", "abcdef", false, 2, "ab", false, true},
		{"cut inside a rune", "aé", false, 2, "YcM=", true, true},
		{"binary cut to text", "YWL/", true, 2, "ab", false, true},
		{"binary stays binary", "//4=", true, 1, "/w==", true, true},
		{"binary shorter", "//4=", true, 5, "//4=", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &exchange.Response{Body: tt.body, BodyBase64: tt.base64}
			cutBody(r, tt.n)
			if r.Body != tt.want || r.BodyBase64 != tt.wantB64 || r.BodyTruncated != tt.truncated {
				t.Errorf("got %q base64 %v truncated %v, want %q %v %v", r.Body, r.BodyBase64, r.BodyTruncated, tt.want, tt.wantB64, tt.truncated)
			}
		})
	}
}
