package server

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestTesterPage(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range []struct {
		name, query string
		code        int
		want        []string
		notWant     []string
	}{
		{"empty form", "", 200, []string{`<form id="tester"`, `name="code" value=""`, `<select name="method"><option>GET</option>`}, []string{`id="result"`, `role="alert"`}},
		{"418", "code=418&accept=application%2Fjson", 200, []string{
			`id="final-status">418</span> I&#39;m a teapot`, "HTTP/1.1 418 I&#39;m a teapot", "Content-Type: application/json",
			`name="code" value="418"`, `<option value="application/json" selected>`, `id="curl">curl -i -L -H &#39;Accept: application/json&#39; http://`,
			`data-copy="curl" hidden>Copy as curl</button>`}, nil},
		{"103", "code=103", 200, []string{"Interim response <span class=\"num c1\">103</span>", "HTTP/1.1 103 Early Hints", "Link: &lt;/static/site.css&gt;; rel=preload; as=style"}, nil},
		{"three hops", "path=%2Fredirect%2F3", 200, []string{"4 requests · 3 redirects", "Redirect 3: <code>GET /get</code>",
			"Location <code>/relative-redirect/2</code>: followed with <code>GET /relative-redirect/2</code>"}, nil},
		{"not following", "path=%2Fredirect%2F3&follow=no", 200, []string{"not followed, following redirects is off"}, []string{"Redirect 1"}},
		{"options reach the service", "code=200&sleep=10ms&type=json&rheaders=X-Test%3A+1%0D%0AX-Other%3A+2&body=%7B%7D", 200,
			[]string{"GET /status/200?body=%7B%7D&amp;header=X-Test%3A1&amp;header=X-Other%3A2&amp;sleep=10ms&amp;type=json HTTP/1.1", "X-Test: 1", "X-Other: 2", "Content-Type: application/json"}, nil},
		{"request headers and body", "code=200&method=PUT&qheaders=X-Req%3A+yes&payload=hi", 200, []string{"PUT /status/200 HTTP/1.1", "X-Req: yes", "Content-Length: 2"}, nil},
		{"a method the menu lacks", "code=418&method=BREW", 200, []string{`<option selected>BREW</option>`, `id="final-status">501</span>`}, nil},
		{"weighted list", "code=200%3A1%2C500%3A0", 200, []string{`id="final-status">200</span>`}, nil},
		{"fault", "code=200&fault=reset", 200, []string{"No response", "the server reset the connection"}, nil},
		{"the service's own 400", "code=abc", 200, []string{`id="final-status">400</span>`}, nil},
		{"code and path", "code=200&path=%2Fget", 400, []string{`role="alert">give a code or a path, not both`}, []string{`id="result"`}},
		{"status options with a path", "path=%2Fget&sleep=1s", 400, []string{"sleep only applies to a code"}, nil},
		{"nothing to send", "method=POST", 400, []string{"give a code (such as 418"}, nil},
		{"unknown parameter", "code=200&colour=red", 400, []string{`unknown parameter &#34;colour&#34;`}, nil},
		{"repeated parameter", "code=200&code=404", 400, []string{"code is given 2 times"}, nil},
		{"bad follow", "code=200&follow=maybe", 400, []string{"follow &#34;maybe&#34; must be yes or no"}, nil},
		{"bad header line", "code=200&qheaders=nocolon", 400, []string{"request headers, line 1: &#34;nocolon&#34; is not"}, nil},
		{"forbidden header", "code=200&qheaders=Host%3A+x", 400, []string{"Host cannot be set"}, nil},
		{"not a path", "path=https%3A%2F%2Fexample.org%2F", 400, []string{"must start with a single /"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, ts.URL+"/tester?"+tc.query)
			if resp.StatusCode != tc.code || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("/tester?%s: %d %s", tc.query, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
			if resp.Header.Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(body, w) {
					t.Errorf("unexpected %q", w)
				}
			}
		})
	}
	if resp, _ := call(t, http.MethodPost, ts.URL+"/tester", nil, nil); resp.StatusCode != 405 {
		t.Errorf("POST /tester: %d", resp.StatusCode)
	}
}

func TestCodePagesOpenTheTester(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	_, body := get(t, ts.URL+"/404")
	form := regexp.MustCompile(`(?s)<form class="fields" action="/tester" method="get">\s*<input type="hidden" name="code" value="404">.*?</form>`).FindString(body)
	if form == "" || !strings.Contains(form, `name="accept"`) || !strings.Contains(form, "Send 404 in the tester") {
		t.Fatalf("/404 has no Try it form opening the tester: %q", form)
	}
	if _, body := get(t, ts.URL+"/100"); !strings.Contains(body, "the interim response included") {
		t.Error("/100's Try it does not mention the interim response")
	}
	// Numbers the test service cannot send have no Try it.
	if _, body := get(t, ts.URL+"/999"); strings.Contains(body, `action="/tester"`) {
		t.Error("/999 offers to send 999")
	}
	// What the form submits is a tester URL that runs.
	resp, out := get(t, ts.URL+"/tester?code=404&method=GET&accept=")
	if resp.StatusCode != 200 || !strings.Contains(out, `id="final-status">404</span>`) {
		t.Errorf("the Try it submission: %d", resp.StatusCode)
	}
}

func TestHashedAssets(t *testing.T) {
	ts, s := newTestServer(t, Options{})
	_, page := get(t, ts.URL+"/")
	for plain, hashed := range s.site.assetNames {
		if strings.HasSuffix(plain, ".svg") {
			continue // linked from the layout too, but checked with the others below
		}
		if !strings.Contains(page, `"/static/`+hashed+`"`) {
			t.Errorf("/ does not link %s as %s", plain, hashed)
		}
	}
	for plain, hashed := range s.site.assetNames {
		r1, b1 := get(t, ts.URL+"/static/"+hashed)
		r2, b2 := get(t, ts.URL+"/static/"+plain)
		if r1.StatusCode != 200 || b1 != b2 || r1.Header.Get("Content-Type") != r2.Header.Get("Content-Type") {
			t.Errorf("%s and %s differ: %d", hashed, plain, r1.StatusCode)
		}
		if cc := r1.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q", hashed, cc)
		}
		if cc := r2.Header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
			t.Errorf("%s (unhashed): Cache-Control %q", plain, cc)
		}
	}
	if !regexp.MustCompile(`^site\.[0-9a-f]{10}\.css$`).MatchString(s.site.assetNames["site.css"]) {
		t.Errorf("hashed name %q", s.site.assetNames["site.css"])
	}
	if resp, _ := get(t, ts.URL+"/static/site.0000000000.css"); resp.StatusCode != 404 {
		t.Errorf("a stale hash: %d", resp.StatusCode)
	}
}

func TestPageGolden(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for name, path := range map[string]string{"page-404": "/404", "page-4xx": "/4xx", "page-tester": "/tester", "page-299": "/299"} {
		resp, body := get(t, ts.URL+path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		checkGolden(t, path, "testdata/golden/"+name+".html", body)
	}
}

// FuzzTesterForm: any query either is refused with a reason or becomes a
// request for a path on this server; never a panic.
//
// If the execs counter stops for a while, it is the fuzzer, not the form:
// every input that finds new coverage is minimized, in a number of calls
// that grows with the square of its length (up to -fuzzminimizetime, 60s
// by default), and the calls made while minimizing are only counted when
// it ends. With as many workers as CPUs are busy minimizing, the counter
// shows 0/sec. Add -fuzzminimizetime 5s to shorten those pauses. The form
// itself takes time linear in the query's length, even at --max-uri:
// BenchmarkTesterFormWorstCase measures it.
func FuzzTesterForm(f *testing.F) {
	for _, s := range []string{"code=418", "path=/redirect/3&follow=no", "code=200&rheaders=X:1%0AY:2&qheaders=A:b", "code=1&path=/x", "code=%00", "qheaders=%3A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		form, err := parseTesterForm(q)
		if err != nil || form.empty() {
			return
		}
		req, err := form.request()
		if err != nil {
			return
		}
		if !strings.HasPrefix(req.Path, "/") || strings.HasPrefix(req.Path, "//") {
			t.Fatalf("%q became path %q", raw, req.Path)
		}
		if form.Path == "" && !strings.HasPrefix(req.Path, "/status/") {
			t.Fatalf("%q: a code became %q", raw, req.Path)
		}
	})
}

// testerFormShapes are the adversarial queries for the tester's form: each
// builds a raw query of about n bytes (the server's --max-uri is 200 KiB by
// default) by repeating a unit after a fixed head.
var testerFormShapes = []struct {
	name, head, unit string
}{
	{"request-header-lines", "code=200&qheaders=", "X-A%3A+b%0A"},
	{"response-header-lines", "code=200&rheaders=", "X-A%3A+b%0A"},
	{"blank-lines", "code=200&qheaders=", "%0A"},
	{"blank-crlf-space-lines", "code=200&rheaders=", "+%09%0D%0A"},
	{"huge-body", "code=200&body=", "x"},
	{"huge-header-value", "code=200&qheaders=X-A%3A", "v"},
	{"huge-response-header-value", "code=200&rheaders=X-A%3A", "v"},
	{"huge-code", "code=", "2"},
	{"huge-path", "path=/", "a"},
	{"huge-payload", "code=200&payload=", "p"},
	{"many-empty-params", "code=200", "&"},
	{"many-unknown-params", "code=200", "&k=v"},
	{"percent-in-code", "code=", "%25"},
	{"percent-in-path", "path=/", "%2541"},
	{"percent-in-body", "code=200&body=", "%25"},
	{"percent-in-response-headers", "code=200&rheaders=", "X%3A%25%0A"},
	{"invalid-percent-in-path", "path=/", "%25zz"},
}

// testerFormQuery builds shape's query of about n bytes.
func testerFormQuery(head, unit string, n int) string {
	return head + strings.Repeat(unit, max(0, n-len(head))/len(unit))
}

// runTesterForm is what /tester does with a query before it inspects
// anything: parse it, read the form, build and validate the request.
func runTesterForm(raw string) error {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return err
	}
	form, err := parseTesterForm(q)
	if err != nil {
		return err
	}
	_, err = form.request()
	return err
}

// BenchmarkTesterFormWorstCase times what /tester does with a query before
// it inspects anything, on adversarial shapes from 1 KiB to 200 KiB (the
// default --max-uri). The time must grow linearly with the size: MB/s about
// the same at every size of a shape, within the noise of caches and the
// garbage collector. (Queries of more than 10,000 pairs are refused by
// url.ParseQuery at once, hence the fast large many-*-params cases.)
func BenchmarkTesterFormWorstCase(b *testing.B) {
	for _, shape := range testerFormShapes {
		for _, kib := range []int{1, 10, 100, 200} {
			raw := testerFormQuery(shape.head, shape.unit, kib<<10)
			b.Run(fmt.Sprintf("%s/%dKiB", shape.name, kib), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				b.ReportAllocs()
				for b.Loop() {
					runTesterForm(raw)
				}
			})
		}
	}
}
