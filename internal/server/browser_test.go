package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/httpstatus/httpstatus"
)

// The browser tests drive a real Chromium (Debian's chromium package)
// through the DevTools protocol. Without a browser they skip locally; under
// CI=true a missing browser is a failure. On failure each test saves a
// screenshot of its page and says where. HTTPSTATUS_SCREENSHOTS=dir also
// writes the README's screenshots there.

// findBrowser returns the path of a Chromium-compatible browser, or "".
func findBrowser() string {
	if p := os.Getenv("HTTPSTATUS_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium shared by the browser tests; each test
// opens its own tab.
var browser struct {
	once   sync.Once
	ctx    context.Context
	err    error
	path   string
	cancel context.CancelFunc
}

func startBrowser(path string) (context.Context, error) {
	browser.once.Do(func() {
		dir, err := os.MkdirTemp("", "httpstatus-chromium-")
		if err != nil {
			browser.err = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("hide-scrollbars", true),
			chromedp.WindowSize(1000, 760),
		}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		if err := chromedp.Do(ctx); err != nil { // starts the browser
			browser.err = fmt.Errorf("starting %s: %w", path, err)
		}
		browser.ctx = ctx
		browser.cancel = func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }
	})
	return browser.ctx, browser.err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// tab is one browser tab on a test server, collecting console errors.
type tab struct {
	t      *testing.T
	ctx    context.Context
	base   string
	mu     sync.Mutex
	errors []consoleLine
	// deliberate lists pages opened knowing they answer an error status,
	// whose "failed to load" console line is expected.
	deliberate map[string]bool
}

// expectStatus notes that path is opened knowing it answers code.
func (tb *tab) expectStatus(path string, code int) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.deliberate[tb.base+path] = true
}

type consoleLine struct {
	text, url string
	line      int64
}

// newTab opens a tab for t against a fresh test server (with opts, when
// given). It skips (or, under CI=true, fails) when there is no browser.
func newTab(t *testing.T, opts ...Options) *tab {
	t.Helper()
	path := findBrowser()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found, and CI=true requires the browser tests: install Debian's chromium (apt-get install -y chromium)")
		}
		t.Skip("no Chromium found: install Debian's chromium (apt-get install -y chromium) to run the browser tests")
	}
	parent, err := startBrowser(path)
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newTestServer(t, append(opts, Options{})[0])
	ctx, cancel := chromedp.NewContext(parent)
	tb := &tab{t: t, ctx: ctx, base: ts.URL, deliberate: map[string]bool{}}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				tb.mu.Lock()
				tb.errors = append(tb.errors, consoleLine{m.Text, m.URL, m.Line + 1})
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(cancel)
	t.Cleanup(func() {
		if t.Failed() {
			tb.screenshot("failure")
		}
	})
	return tb
}

// do runs browser actions, failing the test with what was being done.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open loads a page of the test server and waits for it to be ready.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do("opening "+path, chromedp.Navigate(tb.base+path), chromedp.WaitReady(chromedp.CSS("footer")))
}

// eval evaluates a script and decodes its result into T.
func eval[T any](tb *tab, script string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", script, err)
	}
	return v
}

// waitFor waits until the script is truthy, across navigations (while a
// page is being replaced, evaluating fails; that is retried too).
func (tb *tab) waitFor(what, script string) {
	tb.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+script+")"))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	tb.t.Fatalf("waiting for %s (%s): still false after 15s (last error: %v)", what, script, last)
}

// noConsoleErrors fails the test if any page logged an error, including
// failed loads and Content-Security-Policy violations.
func (tb *tab) noConsoleErrors() {
	tb.t.Helper()
	time.Sleep(200 * time.Millisecond) // let the last events arrive
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errors {
		if tb.deliberate[e.url] && strings.Contains(e.text, "the server responded with a status of") {
			continue
		}
		tb.t.Errorf("console error: %s (%s:%d)", e.text, e.url, e.line)
	}
}

// screenshot saves the tab's page: under a kept temporary directory on
// failure, or as a README screenshot when asked.
func (tb *tab) screenshot(name string) string {
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Logf("no screenshot: %v", err)
		return ""
	}
	dir := os.Getenv("HTTPSTATUS_SCREENSHOTS")
	if name == "failure" || dir == "" {
		if dir, err = os.MkdirTemp("", "httpstatus-browser-"); err != nil {
			tb.t.Logf("no screenshot: %v", err)
			return ""
		}
		name = strings.NewReplacer("/", "-", " ", "_").Replace(tb.t.Name())
	}
	file := filepath.Join(dir, name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.t.Logf("no screenshot: %v", err)
		return ""
	}
	tb.t.Logf("screenshot: %s", file)
	return file
}

// readmeShot saves a README screenshot when HTTPSTATUS_SCREENSHOTS is set.
func (tb *tab) readmeShot(name string) {
	if os.Getenv("HTTPSTATUS_SCREENSHOTS") != "" {
		tb.screenshot(name)
	}
}

func TestBrowserIndexListsEveryClassAndCode(t *testing.T) {
	tb := newTab(t)
	tb.open("/")
	for _, c := range httpstatus.Classes() {
		if !eval[bool](tb, fmt.Sprintf(`!!document.getElementById("h%s") && document.getElementById("h%s").offsetParent !== null`, c.Class, c.Class)) {
			t.Errorf("the index shows no %s heading", c.Class)
		}
	}
	got := eval[[]string](tb, `Array.from(document.querySelectorAll(".code-row a")).filter(a => a.offsetParent !== null).map(a => a.getAttribute("href"))`)
	want := map[string]bool{}
	for _, s := range httpstatus.All() {
		want["/"+strconv.Itoa(s.Code)] = true
	}
	seen := map[string]bool{}
	for _, h := range got {
		seen[h] = true
	}
	var missing []string
	for h := range want {
		if !seen[h] {
			missing = append(missing, h)
		}
	}
	sort.Strings(missing)
	if len(got) != len(httpstatus.All()) || len(missing) > 0 {
		t.Errorf("the index shows %d code rows for %d catalogue entries; missing %v", len(got), len(httpstatus.All()), missing)
	}
	tb.readmeShot("index")

	// "/" focuses the search box; typing filters the list.
	tb.pressSlash()
	if id := eval[string](tb, `document.activeElement.id`); id != "q" {
		t.Errorf(`"/" focused %q, not the search box`, id)
	}
	if v := eval[string](tb, `document.getElementById("q").value`); v != "" {
		t.Errorf(`pressing "/" typed %q into the search box`, v)
	}
	tb.do("typing teapot", chromedp.SendKeys(chromedp.ID("q"), "teapot"))
	tb.waitFor("the filter", `document.querySelectorAll(".code-row:not([hidden])").length < 10`)
	visible := eval[[]string](tb, `Array.from(document.querySelectorAll(".code-row:not([hidden]) .num")).map(n => n.textContent)`)
	if len(visible) == 0 || visible[0] != "418" {
		t.Errorf("typing teapot shows %v", visible)
	}
	if n := eval[int](tb, `Array.from(document.querySelectorAll(".class-group")).filter(g => !g.hidden).length`); n != 1 {
		t.Errorf("typing teapot leaves %d class groups shown, want 1", n)
	}
	tb.do("typing nonsense", chromedp.SendKeys(chromedp.ID("q"), "zzzqqq"))
	tb.waitFor("the no-match note", `!document.getElementById("no-match").hidden`)

	// The unofficial toggle hides vendor codes.
	tb.do("clearing the search", chromedp.Evaluate[chromedp.Void](`const q = document.getElementById("q"); q.value = ""; q.dispatchEvent(new Event("input"))`))
	before := eval[int](tb, `Array.from(document.querySelectorAll(".code-row")).filter(r => r.offsetParent !== null).length`)
	tb.do("unticking unofficial codes", chromedp.Click(chromedp.ID("show-unofficial")))
	after := eval[int](tb, `Array.from(document.querySelectorAll(".code-row")).filter(r => r.offsetParent !== null).length`)
	unofficial := 0
	for _, s := range httpstatus.All() {
		if s.Registry == httpstatus.Unofficial {
			unofficial++
		}
	}
	if before != len(httpstatus.All()) || before-after != unofficial {
		t.Errorf("hiding unofficial codes: %d rows shown, then %d; want %d hidden", before, after, unofficial)
	}
	tb.noConsoleErrors()
}

func TestBrowserCodePage(t *testing.T) {
	tb := newTab(t)
	tb.open("/404")
	if h := eval[string](tb, `document.querySelector("h1").textContent`); h != "404 Not Found" {
		t.Errorf("/404 heading %q", h)
	}
	for _, section := range []string{"Why you are seeing it", "How to fix it"} {
		n := eval[int](tb, fmt.Sprintf(`Array.from(document.querySelectorAll("section")).filter(s => s.querySelector("h2") && s.querySelector("h2").textContent === %q).map(s => s.querySelectorAll("li").length)[0] || 0`, section))
		if n < 2 {
			t.Errorf("/404 %q has %d items", section, n)
		}
	}
	tb.readmeShot("code-page")
	related := eval[[]string](tb, `Array.from(document.querySelectorAll("ul.related a")).map(a => a.href)`)
	if len(related) < 3 {
		t.Fatalf("/404 links %d related codes", len(related))
	}
	for _, href := range related {
		resp, err := http.Get(href)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("related link %s answers %d", href, resp.StatusCode)
		}
	}
	// Following a related link lands on that code's page.
	first := related[0][strings.LastIndex(related[0], "/")+1:]
	tb.do("clicking the first related code", chromedp.Click(chromedp.CSS("ul.related a")))
	tb.waitFor("the related page", fmt.Sprintf(`location.pathname === "/%s" && document.querySelector("h1") && document.querySelector("h1").textContent.startsWith("%s ")`, first, first))

	// Copy buttons appear with JavaScript and copy.
	tb.open("/404")
	if !eval[bool](tb, `!document.querySelector("button.copy").hidden`) {
		t.Error("the copy button stays hidden with JavaScript on")
	}
	// "Try it" opens the tester with the code, and sends it.
	tb.do("sending 404 from Try it", chromedp.Click(chromedp.CSS(".tryit button[type=submit]")))
	tb.waitFor("the tester's result", `location.pathname === "/tester" && document.getElementById("final-status") && document.getElementById("final-status").textContent === "404"`)
	if v := eval[string](tb, `document.querySelector("input[name=code]").value`); v != "404" {
		t.Errorf("the tester's code field is %q", v)
	}
	tb.noConsoleErrors()
}

// pressSlash presses "/" the way a keyboard does: one keyDown carrying
// its text, so that a handler that prevents the default also prevents the
// character (chromedp.KeyEvent sends the character as a separate event).
func (tb *tab) pressSlash() {
	tb.t.Helper()
	for _, ev := range []input.DispatchKeyEventParams{
		{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191},
	} {
		if _, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, ev); err != nil {
			tb.t.Fatalf("pressing /: %v", err)
		}
	}
}

// colourScheme makes the pages see prefers-color-scheme: scheme.
func (tb *tab) colourScheme(scheme string) {
	tb.t.Helper()
	_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
	if err != nil {
		tb.t.Fatalf("emulating %s mode: %v", scheme, err)
	}
}

// send fills the tester's form through the page and sends it.
func (tb *tab) send(field, value string) {
	tb.t.Helper()
	tb.do("filling the tester",
		chromedp.Evaluate[chromedp.Void](`document.querySelector("details").open = true;
			document.querySelectorAll("#tester input, #tester textarea").forEach(e => e.value = "");
			document.querySelectorAll("#tester select").forEach(e => e.selectedIndex = 0)`),
		chromedp.SendKeys(chromedp.CSS("[name="+field+"]"), value),
		chromedp.Evaluate[chromedp.Void](`window.__sent = (window.__sent || 0) + 1; document.getElementById("outcome").dataset.old = "1"`),
		chromedp.Click(chromedp.CSS("#tester button[type=submit]")))
	tb.waitFor("the result of sending "+value, `!document.getElementById("outcome").dataset.old && !document.querySelector("#tester button[type=submit]").disabled`)
}

func TestBrowserTester(t *testing.T) {
	tb := newTab(t)
	tb.open("/tester")
	tb.do("marking the page", chromedp.Evaluate[chromedp.Void](`window.__page = "kept"`))

	tb.send("code", "418")
	if s := eval[string](tb, `document.getElementById("final-status").textContent`); s != "418" {
		t.Errorf("final status %q", s)
	}
	final := eval[string](tb, `document.querySelector("pre.final").textContent`)
	for _, want := range []string{"HTTP/1.1 418 I'm a teapot", "Content-Type: text/plain; charset=utf-8", "Content-Length: ", "418 I'm a teapot"} {
		if !strings.Contains(final, want) {
			t.Errorf("the response shown lacks %q:\n%s", want, final)
		}
	}
	if q := eval[string](tb, `location.search`); q != "?code=418&method=GET" {
		t.Errorf("the address holds %q, not the form", q)
	}
	if eval[string](tb, `String(window.__page)`) != "kept" {
		t.Error("sending reloaded the page instead of swapping the result in")
	}
	if !strings.HasPrefix(eval[string](tb, `document.getElementById("curl").textContent`), "curl -i -L http://127.0.0.1:") {
		t.Error("no curl command")
	}
	tb.do("copying as curl", chromedp.Click(chromedp.CSS("button.copy[data-copy=curl]")))
	tb.waitFor("the copied note", `document.querySelector("button.copy[data-copy=curl]").textContent === "Copied"`)

	tb.send("code", "103")
	interim := eval[[]string](tb, `Array.from(document.querySelectorAll("pre.interim")).map(p => p.textContent)`)
	if len(interim) != 1 || !strings.HasPrefix(interim[0], "HTTP/1.1 103 Early Hints") || !strings.Contains(interim[0], "Link: </static/site.css>; rel=preload") {
		t.Errorf("the interim responses shown: %q", interim)
	}
	if s := eval[string](tb, `document.getElementById("final-status").textContent`); s != "200" {
		t.Errorf("after 103 the final status is %q", s)
	}

	tb.send("path", "/redirect/3")
	hops := eval[[]string](tb, `Array.from(document.querySelectorAll(".exchange h3 code")).map(c => c.textContent)`)
	if strings.Join(hops, ", ") != "GET /redirect/3, GET /relative-redirect/2, GET /relative-redirect/1, GET /get" {
		t.Errorf("hops shown: %q", hops)
	}
	if n := eval[int](tb, `document.querySelectorAll("pre.final").length`); n != 4 {
		t.Errorf("%d responses shown for 3 redirects", n)
	}
	if !strings.Contains(eval[string](tb, `document.querySelector(".result .meta").textContent`), "3 redirects") {
		t.Error("the summary does not count 3 redirects")
	}
	if os.Getenv("HTTPSTATUS_SCREENSHOTS") != "" {
		tb.do("scrolling to the result", chromedp.Evaluate[chromedp.Void](`document.getElementById("result").scrollIntoView()`))
		tb.readmeShot("tester")
	}

	// The address is a shareable link: loading it shows the same result,
	// rendered by the server.
	link := eval[string](tb, `location.href`)
	tb.open(strings.TrimPrefix(link, tb.base))
	if n := eval[int](tb, `document.querySelectorAll(".exchange").length`); n != 4 {
		t.Errorf("the shared link shows %d exchanges", n)
	}
	if v := eval[string](tb, `document.querySelector("input[name=path]").value`); v != "/redirect/3" {
		t.Errorf("the shared link's form has path %q", v)
	}

	// A bad form answers with its reason (and status 400).
	tb.expectStatus("/tester?code=1&method=GET&path=%2Fget", 400)
	tb.send("code", "1")
	tb.do("adding a path as well", chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=path]").value = "/get"; document.getElementById("outcome").dataset.old = "1"`),
		chromedp.Click(chromedp.CSS("#tester button[type=submit]")))
	tb.waitFor("the error", `document.querySelector("#outcome [role=alert]") && document.querySelector("#outcome [role=alert]").textContent.includes("not both")`)
	tb.noConsoleErrors()
}

func TestBrowserDarkModeAndPhones(t *testing.T) {
	tb := newTab(t)
	tb.colourScheme("dark")
	for _, path := range []string{"/", "/404", "/tester?code=103"} {
		tb.open(path)
		colours := eval[struct {
			Bg string `json:"bg"`
			Fg string `json:"fg"`
		}](tb, `({bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color})`)
		if path == "/404" {
			tb.readmeShot("code-page-dark")
		}
		if colours.Bg != "rgb(13, 17, 23)" || colours.Fg != "rgb(230, 237, 243)" {
			t.Errorf("%s in dark mode: background %q, text %q", path, colours.Bg, colours.Fg)
		}
	}
	tb.colourScheme("light")
	tb.do("going phone-sized", chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile))
	for _, path := range []string{"/", "/404", "/tester?path=%2Fredirect%2F3", "/no/such/page"} {
		if path == "/no/such/page" {
			tb.expectStatus(path, 404)
		}
		tb.open(path)
		if bg := eval[string](tb, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(255, 255, 255)" {
			t.Errorf("%s in light mode: background %q", path, bg)
		}
		if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 375 {
			t.Errorf("%s is %dpx wide on a 375px phone", path, w)
		}
	}
	tb.noConsoleErrors()
}

// TestBrowserCheck: the /check page shows a chain with its hop table,
// timing bars and meanings, rendered by the server, and the form checks
// another URL.
func TestBrowserCheck(t *testing.T) {
	tb := newTab(t, Options{CheckPrivate: true})
	tb.open("/check?url=" + url.QueryEscape(tb.base+"/redirect/2"))
	if s := eval[string](tb, `document.getElementById("final-status").textContent`); s != "200" {
		t.Errorf("final status %q", s)
	}
	rows := eval[[]string](tb, `Array.from(document.querySelectorAll("table.hops tbody tr td:nth-child(3)")).map(td => td.textContent.trim())`)
	if strings.Join(rows, " | ") != "302 Found | 302 Found | 200 OK" {
		t.Errorf("hop statuses %q", rows)
	}
	if n := eval[int](tb, `document.querySelectorAll("figure.timing svg rect").length`); n != 15 {
		t.Errorf("%d timing bars for 3 requests of 5 phases", n)
	}
	if w := eval[float64](tb, `document.querySelector("figure.timing svg").getBoundingClientRect().width`); w < 100 {
		t.Errorf("the timing bar is %v px wide", w)
	}
	if os.Getenv("HTTPSTATUS_SCREENSHOTS") != "" {
		tb.do("scrolling to the result", chromedp.Evaluate[chromedp.Void](`document.getElementById("result").scrollIntoView()`))
		tb.readmeShot("check")
	}
	tb.do("checking another URL", chromedp.SetValue(chromedp.CSS("input[name=url]"), tb.base+"/status/404"), chromedp.Click(chromedp.CSS("#checker button[type=submit]")))
	tb.waitFor("the new result", `document.getElementById("final-status") && document.getElementById("final-status").textContent === "404"`)
	if !strings.Contains(eval[string](tb, `document.querySelector(".meanings").textContent`), "Not Found") {
		t.Error("the meaning of 404 is not shown")
	}
	tb.noConsoleErrors()
}

// TestBrowserReadsTestServiceAnswers fetches answers of the test service
// the way a page does: from its own origin and from another one (CORS,
// where Access-Control-Expose-Headers: * must still let the script read
// Location, Retry-After, WWW-Authenticate and RateLimit-Policy), and
// checks that a fetch of /status/401 settles instead of waiting behind a
// login dialog.
func TestBrowserReadsTestServiceAnswers(t *testing.T) {
	tb := newTab(t)
	tb.expectStatus("/status/401", 401)
	tb.do("opening a JSON answer", chromedp.Navigate(tb.base+"/status/200?type=json"))
	tb.do("fetching", chromedp.Evaluate[chromedp.Void](`window.__r = null;
(async () => {
  const other = new URL(location.href); other.hostname = other.hostname === "localhost" ? "127.0.0.1" : "localhost";
  const base = other.origin;
  const timeout = new Promise(r => setTimeout(() => r("timeout"), 8000));
  const same = await Promise.race([fetch("/status/401"), timeout]);
  const out = {origin: location.origin, other: base, same401: same === "timeout" ? "timeout" : same.status};
  const a = await fetch(base + "/status/401"); out.status401 = a.status; out.www = a.headers.get("WWW-Authenticate");
  const b = await fetch(base + "/status/503"); out.retry = b.headers.get("Retry-After");
  const c = await fetch(base + "/status/201"); out.location = c.headers.get("Location");
  const d = await fetch(base + "/status/429"); out.policy = d.headers.get("RateLimit-Policy");
  window.__r = JSON.stringify(out);
})().catch(e => { window.__r = JSON.stringify({error: String(e)}); });`))
	tb.waitFor("the fetches to settle", "window.__r")
	var got map[string]any
	if err := json.Unmarshal([]byte(eval[string](tb, "window.__r")), &got); err != nil {
		t.Fatal(err)
	}
	if got["origin"] == got["other"] {
		t.Fatalf("the second origin is the same as the page's: %v", got)
	}
	want := map[string]any{"same401": float64(401), "status401": float64(401), "www": `Bearer realm="httpstatus"`, "retry": "5", "location": "/status/200"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
	if p, _ := got["policy"].(string); !strings.Contains(p, "q=") {
		t.Errorf("RateLimit-Policy not readable across origins: %v", got)
	}
}
