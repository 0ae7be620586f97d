package server

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus"
)

var htmlAccept = http.Header{"Accept": {"text/html,application/xhtml+xml,*/*;q=0.8"}}

func TestSiteIndexListsEveryCode(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/", htmlAccept, nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("/: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, c := range httpstatus.Classes() {
		if !strings.Contains(body, `href="/`+c.Class.String()+`">`+c.Class.String()+" "+c.Name) {
			t.Errorf("index lacks the %s heading", c.Class)
		}
	}
	for _, s := range httpstatus.All() {
		if !strings.Contains(body, `<a href="/`+strconv.Itoa(s.Code)+`"><span class="num`) {
			t.Errorf("index lacks %d %s", s.Code, s.Phrase)
		}
	}
	if !strings.Contains(body, `class="code-row unofficial"`) || !strings.Contains(body, `id="show-unofficial"`) {
		t.Error("index does not mark unofficial codes or lacks their toggle")
	}
	checkPageSecurity(t, resp, body)
}

// checkPageSecurity asserts the headers every page carries and that no
// script is inline (the CSP forbids it).
func checkPageSecurity(t *testing.T, resp *http.Response, body string) {
	t.Helper()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") == "" {
		t.Errorf("security headers missing: %v", resp.Header)
	}
	// CORS stays open on pages, but the list of headers scripts may read
	// is the test service's business, not a page's.
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("Access-Control-Expose-Headers") != "" {
		t.Errorf("page CORS headers: %v", resp.Header)
	}
	if regexp.MustCompile(`<script(\s[^>]*)?>[^<]`).MatchString(body) || strings.Contains(body, "<style") || strings.Contains(body, " onclick=") {
		t.Error("page has inline script or style")
	}
	if strings.Contains(body, "://cdn") || strings.Contains(body, `src="http`) || strings.Contains(body, `href="http://`) {
		t.Error("page loads something from another origin")
	}
}

func TestSiteCodePages(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/404", htmlAccept, nil)
	for _, want := range []string{"<h1>", "404</span> Not Found", "Why you are seeing it", "How to fix it", "If you are calling the URL", "If you run the server",
		`href="/410">410 Gone`, `href="https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"`, "http.StatusNotFound", "HTTP/1.1 404 Not Found", `rel="prev" href="/`, `rel="next" href="/`, `href="/status/404"`} {
		if !strings.Contains(body, want) {
			t.Errorf("/404 lacks %q", want)
		}
	}
	checkPageSecurity(t, resp, body)
	_, body = call(t, "GET", ts.URL+"/418", htmlAccept, nil)
	if !strings.Contains(body, "418 has 2 meanings") || !strings.Contains(body, "I&#39;m a teapot") || !strings.Contains(body, "(Unused)") {
		t.Error("/418 does not show both meanings")
	}
	for path, want := range map[string]struct {
		status int
		text   string
	}{
		"/299":  {200, "Unassigned"},
		"/432":  {200, "Unassigned"},
		"/999":  {200, "Request Denied"},
		"/000":  {404, "no HTTP response arrived"},
		"/600":  {404, "outside the valid range"},
		"/4xx":  {200, "Client Error"},
		"/nope": {404, "There is no page at"},
		"/4040": {404, "There is no page at"},
	} {
		resp, body := call(t, "GET", ts.URL+path, htmlAccept, nil)
		if resp.StatusCode != want.status || !strings.Contains(body, want.text) || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: %d %q, want %d with %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), want.status, want.text)
		}
		checkPageSecurity(t, resp, body)
	}
	if resp, _ := call(t, "POST", ts.URL+"/404", nil, nil); resp.StatusCode != 405 {
		t.Errorf("POST /404: %d", resp.StatusCode)
	}
	if resp, body := get(t, ts.URL+"/nope"); resp.StatusCode != 404 || !strings.Contains(body, `"status":404`) {
		t.Errorf("/nope for a non-browser: %d %q", resp.StatusCode, body)
	}
}

func TestSiteSearchWorksWithoutJavaScript(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := call(t, "GET", ts.URL+"/search?q=rate+limit", htmlAccept, nil)
	checkPageSecurity(t, resp, body)
	if i, j := strings.Index(body, `href="/429"`), strings.Index(body, `href="/503"`); i < 0 || (j >= 0 && j < i) {
		t.Error("/search?q=rate limit does not list 429 first")
	}
	_, body = call(t, "GET", ts.URL+"/search?q=%3Cscript%3Ealert(1)%3C/script%3E", htmlAccept, nil)
	if strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, "&lt;script&gt;alert(1)") {
		t.Error("the query is not escaped on the results page")
	}
	if resp, _ := get(t, ts.URL+"/search?q="+strings.Repeat("x", 300)); resp.StatusCode != 400 {
		t.Errorf("long query: %d", resp.StatusCode)
	}
}

func TestSiteStaticAssets(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for file, ctype := range map[string]string{"site.css": "text/css; charset=utf-8", "site.js": "text/javascript; charset=utf-8"} {
		resp, body := get(t, ts.URL+"/static/"+file)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != ctype || body == "" || resp.Header.Get("ETag") == "" {
			t.Errorf("/static/%s: %d %q", file, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := get(t, ts.URL+"/static/nope.js"); resp.StatusCode != 404 {
		t.Errorf("/static/nope.js: %d", resp.StatusCode)
	}
}

// TestEveryCodePageIsSmall: a code page is at most 30 KB compressed, for
// every code (gzip, the larger of the two encodings served).
func TestEveryCodePageIsSmall(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	largest, at := 0, 0
	for _, s := range httpstatus.All() {
		resp, body := call(t, http.MethodGet, ts.URL+"/"+strconv.Itoa(s.Code), http.Header{"Accept-Encoding": {"gzip"}}, nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("/%d: %d %q", s.Code, resp.StatusCode, resp.Header.Get("Content-Encoding"))
		}
		if len(body) > largest {
			largest, at = len(body), s.Code
		}
	}
	if largest > 30<<10 {
		t.Errorf("/%d is %d bytes gzipped; code pages must stay under 30 KB", at, largest)
	}
	t.Logf("largest code page: /%d, %d bytes gzipped", at, largest)
}
