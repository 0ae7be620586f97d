package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/lint"
)

// webFiles holds the site's templates and static assets, compiled into the
// binary: the site needs no files and no CDN at run time.
//
//go:embed web/templates/*.html web/static/* web/openapi.json
var webFiles embed.FS

// page is everything a site template may use; each page fills its part.
type page struct {
	Title       string
	Description string
	Query       string
	Classes     []httpstatus.ClassInfo

	Registered, Unofficial int         // index
	Groups                 []classList // index
	Info                   httpstatus.ClassInfo
	Entries                []httpstatus.Status // class page
	Code                   int                 // code page
	Meanings               []httpstatus.Status
	Prev, Next             int
	Matches                []httpstatus.Match // search page
	Path, Detail           string             // not-found page
	TryIt                  bool               // code page: the test service can send Code
	Tester                 *testerView
	Check                  *checkView
}

type classList struct {
	Info    httpstatus.ClassInfo
	Entries []httpstatus.Status
}

// audienceTitle names advice groups on code pages, the caller first.
type audienceTitle struct {
	Audience httpstatus.Audience
	Title    string
}

var audienceTitles = []audienceTitle{
	{httpstatus.ForClient, "If you are calling the URL"},
	{httpstatus.ForServer, "If you run the server"},
	{httpstatus.ForAnyone, "Either side"},
}

var siteFuncs = template.FuncMap{
	"paragraphs": func(s string) []string { return strings.Split(s, "\n\n") },
	"phraseOf": func(code int) string {
		if s, ok := httpstatus.Lookup(code); ok {
			return s.Phrase
		}
		return ""
	},
	"wire":        func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") },
	"audiences":   func() []audienceTitle { return audienceTitles },
	"ms":          func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"classDigit":  func(code int) int { return code / 100 },
	"testerMenus": func() any { return testerChoices },
	// servedPhrase names a code the way the test service acts it out
	// (418 is the teapot, not the registry's "(Unused)").
	"servedPhrase": func(code int) string { return servedMeaning(code).Phrase },
	"base64":       func(b bool) string { return map[bool]string{true: " (base64: not UTF-8 text)"}[b] },
	// msFine shows a duration in ms to the microsecond: loopback timings
	// are fractions of a millisecond, never "0".
	"msFine": func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) },
	"inc":    func(i int) int { return i + 1 },
	"last":   func(exs []hopReport) int { return len(exs) - 1 },
	// Findings of the linter: counted ("1 error, 2 warnings"), the worst
	// severity (for a class), a spec section's name ("RFC 9110 §15.5.6").
	"tally": tally,
	"worst": lint.Worst,
	"findingCount": func(hops []hopReport) int {
		n := 0
		for _, h := range hops {
			n += len(h.Findings)
		}
		return n
	},
	"specTitle": specTitle,
}

// site holds the pages rendered at start-up and the templates for the ones
// rendered on demand (unassigned numbers, search results, not found).
type site struct {
	tmpl   map[string]*template.Template
	pages  map[string]*static // by path
	assets map[string]*static // by file name under /static/, plain and hashed
	// assetNames maps a static file's plain name to its hashed one.
	assetNames map[string]string
}

func buildSite() *site {
	st := &site{tmpl: map[string]*template.Template{}, pages: map[string]*static{}, assets: map[string]*static{}, assetNames: map[string]string{}}
	st.loadAssets()
	for _, name := range []string{"index", "code", "class", "search", "notfound", "tester", "check"} {
		st.tmpl[name] = template.Must(template.New("layout").Funcs(siteFuncs).Funcs(template.FuncMap{"asset": st.assetURL}).ParseFS(webFiles, "web/templates/layout.html", "web/templates/findings.html", "web/templates/"+name+".html"))
	}
	classes := httpstatus.Classes()
	all := httpstatus.All()
	index := page{Title: "HTTP status codes explained", Description: "Every HTTP status code: meaning, causes, fixes, headers and specs.", Classes: classes}
	for _, info := range classes {
		var entries []httpstatus.Status
		for _, s := range all {
			if s.Class == info.Class {
				entries = append(entries, s)
			}
		}
		index.Groups = append(index.Groups, classList{info, entries})
		st.pages["/"+info.Class.String()] = st.render("class", page{Title: info.Class.String() + " " + info.Name,
			Description: info.Summary, Classes: classes, Info: info, Entries: entries})
	}
	for _, s := range all {
		if s.Registry == httpstatus.Unofficial {
			index.Unofficial++
		} else {
			index.Registered++
		}
	}
	var outside []httpstatus.Status
	for _, s := range all {
		if !s.Class.Valid() {
			outside = append(outside, s)
		}
	}
	if len(outside) > 0 {
		index.Groups = append(index.Groups, classList{httpstatus.ClassInfo{Class: 9, Name: "outside 100-599",
			Summary: "Unofficial codes some services send although RFC 9110 allows only 100-599."}, outside})
	}
	st.pages["/"] = st.render("index", index)
	codes := make([]int, 0, len(all))
	for _, s := range all {
		if len(codes) == 0 || codes[len(codes)-1] != s.Code {
			codes = append(codes, s.Code)
		}
	}
	for i, code := range codes {
		p := st.codePage(code)
		if i > 0 {
			p.Prev = codes[i-1]
		}
		if i+1 < len(codes) {
			p.Next = codes[i+1]
		}
		st.pages["/"+strconv.Itoa(code)] = st.render("code", p)
	}
	return st
}

// immutable is the Cache-Control of hashed asset names: their content
// never changes, a new release links new names.
var immutable = []string{"public, max-age=31536000, immutable"}

// loadAssets serves each embedded static file under its plain name
// (short caching, for hand-written links) and under a name carrying its
// content hash (cached for a year), which is what the pages link to.
func (st *site) loadAssets() {
	files, _ := fs.ReadDir(webFiles, "web/static")
	for _, f := range files {
		b, _ := webFiles.ReadFile("web/static/" + f.Name())
		ext := path.Ext(f.Name())
		ctype := mime.TypeByExtension(ext)
		st.assets[f.Name()] = newStatic(ctype, b)
		hashed := newStatic(ctype, b)
		hashed.cacheControl = immutable
		sum := sha256.Sum256(b)
		name := strings.TrimSuffix(f.Name(), ext) + "." + hex.EncodeToString(sum[:5]) + ext
		st.assets[name] = hashed
		st.assetNames[f.Name()] = name
	}
}

// assetURL is the hashed URL of a static file, for templates.
func (st *site) assetURL(name string) (string, error) {
	if h, ok := st.assetNames[name]; ok {
		return "/static/" + h, nil
	}
	return "", fmt.Errorf("no static file %q", name)
}

// codePage is the page of a code: every meaning the catalogue has for it,
// or its Describe answer for an unassigned number.
func (st *site) codePage(code int) page {
	meanings := httpstatus.Meanings(code)
	if len(meanings) == 0 {
		if s, err := httpstatus.Describe(code); err == nil {
			meanings = []httpstatus.Status{s}
		}
	}
	title := strconv.Itoa(code)
	desc := ""
	if len(meanings) > 0 {
		title += " " + meanings[0].Phrase
		desc = meanings[0].Summary
	}
	_, inRange := httpstatus.ClassOf(code)
	return page{Title: title, Description: desc, Classes: httpstatus.Classes(), Code: code, Meanings: meanings, TryIt: inRange}
}

// render executes a page template for a page kept in memory, compressed
// once; a failure is a bug caught by tests.
func (st *site) render(name string, p page) *static {
	return newStatic("text/html; charset=utf-8", st.execute(name, p))
}

// renderNow renders a page for one request (search results, unassigned
// numbers, not found): not worth compressing ahead of time.
func (st *site) renderNow(name string, p page) *static {
	return newUncompressed("text/html; charset=utf-8", st.execute(name, p))
}

func (st *site) execute(name string, p page) []byte {
	var buf bytes.Buffer
	if err := st.tmpl[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		panic("httpstatus: rendering " + name + ": " + err.Error())
	}
	return buf.Bytes()
}

// The headers every HTML page carries: a strict CSP (no inline script,
// nothing from other origins), no framing, a careful referrer. Shared,
// pre-canonicalised slices, set without a map walk: pages are hot.
var (
	pageCSP            = []string{"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}
	pageReferrerPolicy = []string{"strict-origin-when-cross-origin"}
)

// servePage answers with a prerendered page and the page headers. Every
// header costs on each request (net/http clones and sorts the map), so
// pages carry only the headers the site promises.
func servePage(w http.ResponseWriter, r *http.Request, st *static, code int) {
	h := w.Header()
	h["Content-Security-Policy"] = pageCSP
	h["Referrer-Policy"] = pageReferrerPolicy
	// The middleware's list of headers scripts may read is for the test
	// service and the API; on a page it is 300 bytes of nothing. No
	// X-Frame-Options either: the CSP's frame-ancestors supersedes it.
	delete(h, "Access-Control-Expose-Headers")
	if code == http.StatusOK && h.Get("Cache-Control") == "" {
		st.serve(w, r)
		return
	}
	v := st.pick(r)
	h["Content-Type"] = st.contentType
	h["Content-Length"] = v.length
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
		h["Vary"] = varyEncoding
	}
	h["X-Content-Type-Options"] = noSniff
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

// handleIndex serves / and the pages of codes and classes (/404, /4xx).
func (s *server) handleIndex(w http.ResponseWriter, r *http.Request) {
	p := s.site.pages[r.URL.Path]
	seg := strings.TrimPrefix(r.URL.Path, "/")
	numeric := p == nil && seg != "" && len(seg) <= 3 && strings.Trim(seg, "0123456789") == ""
	if p == nil && !numeric {
		s.handleNotFound(w, r)
		return
	}
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	if p != nil {
		servePage(w, r, p, http.StatusOK)
		return
	}
	code, _ := strconv.Atoi(seg)
	_, err := httpstatus.Describe(code)
	var notCode *httpstatus.NotStatusCodeError
	if errors.As(err, &notCode) {
		s.notFoundPage(w, r, notCode.Reason+". "+notCode.Detail)
		return
	}
	servePage(w, r, s.site.renderNow("code", s.site.codePage(code)), http.StatusOK)
}

// handleSearchPage is /search?q=: results that work without JavaScript.
func (s *server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r, "q") {
		return
	}
	q := r.URL.Query().Get("q")
	if len(q) > maxQuery {
		s.fail(w, r, http.StatusBadRequest, "q is %d bytes; at most %d are allowed", len(q), maxQuery)
		return
	}
	p := page{Title: "Search", Description: "Search HTTP status codes", Classes: httpstatus.Classes(), Query: q}
	if strings.TrimSpace(q) != "" {
		p.Title = "Search: " + q
		p.Matches = httpstatus.Search(q)
	}
	servePage(w, r, s.site.renderNow("search", p), http.StatusOK)
}

// handleStatic serves the embedded assets.
func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	if a := s.site.assets[r.PathValue("file")]; a != nil {
		a.serve(w, r)
		return
	}
	s.handleNotFound(w, r)
}

// notFoundPage answers 404 with the site's own page for browsers and the
// JSON error for everything else.
func (s *server) notFoundPage(w http.ResponseWriter, r *http.Request, detail string) {
	if negotiate(r.Header.Get("Accept"), []string{"application/json", "text/html"}) != "text/html" {
		if detail == "" {
			detail = "no such endpoint " + clip(r.URL.Path)
		}
		s.fail(w, r, http.StatusNotFound, "%s", detail)
		return
	}
	p := page{Title: "Not found", Classes: httpstatus.Classes(), Path: clip(r.URL.Path), Detail: detail}
	servePage(w, r, s.site.renderNow("notfound", p), http.StatusNotFound)
}
