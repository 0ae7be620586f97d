package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/export"
)

// static is a response rendered once at start-up and served from memory,
// compressed ahead of time with brotli and gzip, each encoding with its own
// entity tag so that clients revalidate with a 304.
type static struct {
	contentType  []string
	variants     [3]encoded // identity, gzip, br
	compress     sync.Once  // fills the gzip and br variants at first need
	compressible bool
	cacheControl []string // nil: apiCacheControl
}

// encoded is one content-coding of a static body.
type encoded struct {
	body     []byte
	length   []string
	etag     []string
	encoding []string // Content-Encoding; nil for identity
}

// Indexes of static.variants.
const (
	identity = iota
	gzipped
	brotlied
)

// minCompress is the smallest body worth compressing.
const minCompress = 512

// newStatic prepares a body for serving: its entity tag now and, for
// bodies large enough to gain from it, gzip and brotli encodings made the
// first time a client accepts them (so start-up stays fast).
func newStatic(contentType string, body []byte) *static {
	st := newUncompressed(contentType, body)
	st.compressible = len(body) >= minCompress
	return st
}

// compressed makes the gzip and brotli variants once.
func (st *static) compressed() {
	st.compress.Do(func() {
		body := st.variants[identity].body
		tag := strings.Trim(st.variants[identity].etag[0], `"`)
		var gz, br bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		bw := brotli.NewWriterLevel(&br, 8)
		bw.Write(body)
		bw.Close()
		st.variants[gzipped] = encoded{gz.Bytes(), []string{strconv.Itoa(gz.Len())}, []string{`"` + tag + `-gz"`}, []string{"gzip"}}
		st.variants[brotlied] = encoded{br.Bytes(), []string{strconv.Itoa(br.Len())}, []string{`"` + tag + `-br"`}, []string{"br"}}
	})
}

// newUncompressed prepares a body served once: only its entity tag.
func newUncompressed(contentType string, body []byte) *static {
	st := &static{contentType: []string{contentType}}
	sum := sha256.Sum256(body)
	st.variants[identity] = encoded{body: body, length: []string{strconv.Itoa(len(body))},
		etag: []string{`"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}}
	return st
}

// varyEncoding is the Vary value of compressible static responses.
var varyEncoding = []string{"Accept-Encoding"}

// pick returns the variant the client's Accept-Encoding allows, brotli
// first: it is the smallest.
func (st *static) pick(r *http.Request) *encoded {
	if !st.compressible {
		return &st.variants[identity]
	}
	switch negotiateEncoding(r.Header.Get("Accept-Encoding")) {
	case "br":
		st.compressed()
		return &st.variants[brotlied]
	case "gzip":
		st.compressed()
		return &st.variants[gzipped]
	}
	return &st.variants[identity]
}

// negotiateEncoding picks br, gzip or "" (identity) from Accept-Encoding,
// honouring q=0 refusals.
func negotiateEncoding(header string) string {
	if header == "" {
		return ""
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		if (name == "br" || name == "gzip") && q > bestQ || name == "br" && q == bestQ && q > 0 {
			best, bestQ = name, q
		}
	}
	return best
}

// serve writes the response, or 304 when the client already has it.
func (st *static) serve(w http.ResponseWriter, r *http.Request) {
	v := st.pick(r)
	h := w.Header()
	h["Etag"] = v.etag
	h["Cache-Control"] = apiCacheControl
	if st.cacheControl != nil {
		h["Cache-Control"] = st.cacheControl
	}
	if st.compressible {
		h["Vary"] = varyEncoding
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, v.etag[0]) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = st.contentType
	h["Content-Length"] = v.length
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	h["X-Content-Type-Options"] = noSniff
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

// apiCacheControl lets clients and CDNs reuse catalogue answers briefly:
// the data only changes with a new release.
var apiCacheControl = []string{"public, max-age=300"}

// etagMatches implements If-None-Match's weak comparison (RFC 9110 §13.1.2).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// listKey selects one rendering of /api/v1/codes: a class (0 for all)
// and whether unofficial codes are in.
type listKey struct {
	class      httpstatus.Class
	unofficial bool
}

// catalogueAPI holds the JSON API's answers, rendered once.
type catalogueAPI struct {
	withUnofficial [][]byte // per number: the entry with every other meaning in also
	official       [][]byte // per registered number: the entry with registered meanings only
	classOf        []httpstatus.Class
	byCode         map[int]*static // every code the API answers with 200
	lists          map[listKey]*static
	codesJSON      *static
	openAPI        *static
	codesCSV       *static
}

func buildCatalogueAPI() *catalogueAPI {
	api := &catalogueAPI{byCode: make(map[int]*static)}
	primaries := export.Primaries()
	for _, s := range primaries {
		all, _ := json.Marshal(s)
		api.withUnofficial = append(api.withUnofficial, all)
		var off []byte
		if s.Registry != httpstatus.Unofficial {
			trimmed := s
			trimmed.Also = nil
			for _, a := range s.Also {
				if a.Registry != httpstatus.Unofficial {
					trimmed.Also = append(trimmed.Also, a)
				}
			}
			off, _ = json.Marshal(trimmed)
		}
		api.official = append(api.official, off)
		api.classOf = append(api.classOf, s.Class)
		api.byCode[s.Code] = newStatic("application/json", append(all, '\n'))
	}
	for code := 100; code <= 599; code++ {
		if api.byCode[code] == nil {
			s, _ := httpstatus.Describe(code)
			b, _ := json.Marshal(s)
			api.byCode[code] = newStatic("application/json", append(b, '\n'))
		}
	}
	api.lists = make(map[listKey]*static)
	for class := httpstatus.Class(0); class <= httpstatus.ServerError; class++ {
		for _, unofficial := range []bool{true, false} {
			api.lists[listKey{class, unofficial}] = api.renderList(class, unofficial)
		}
	}
	spec, _ := webFiles.ReadFile("web/openapi.json")
	api.openAPI = newStatic("application/json", spec)
	b, _ := json.MarshalIndent(primaries, "", "  ")
	api.codesJSON = newStatic("application/json", append(b, '\n'))
	var csvBuf bytes.Buffer
	export.WriteCSV(&csvBuf)
	api.codesCSV = newStatic("text/csv; charset=utf-8", csvBuf.Bytes())
	return api
}

// handleAPICodes is GET /api/v1/codes: every entry, one per number, with
// ?class=4xx and ?unofficial=false to narrow it.
func (s *server) handleAPICodes(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r, "class", "unofficial") {
		return
	}
	q := r.URL.Query()
	var class httpstatus.Class
	if v := q.Get("class"); v != "" {
		c, ok := httpstatus.ParseClass(v)
		if !ok || len(v) != 3 {
			s.fail(w, r, http.StatusBadRequest, "class %q must be one of 1xx, 2xx, 3xx, 4xx, 5xx", clip(v))
			return
		}
		class = c
	}
	includeUnofficial := true
	switch v := q.Get("unofficial"); v {
	case "", "true":
	case "false":
		includeUnofficial = false
	default:
		s.fail(w, r, http.StatusBadRequest, "unofficial %q must be true or false", clip(v))
		return
	}
	s.api.lists[listKey{class, includeUnofficial}].serve(w, r)
}

// renderList joins the per-number answers of one class (0: all).
func (api *catalogueAPI) renderList(class httpstatus.Class, unofficial bool) *static {
	var buf bytes.Buffer
	buf.WriteByte('[')
	n := 0
	for i, all := range api.withUnofficial {
		if class != 0 && api.classOf[i] != class {
			continue
		}
		item := all
		if !unofficial {
			if item = api.official[i]; item == nil {
				continue
			}
		}
		if n > 0 {
			buf.WriteByte(',')
		}
		buf.Write(item)
		n++
	}
	buf.WriteString("]\n")
	return newStatic("application/json", buf.Bytes())
}

// handleAPICode is GET /api/v1/codes/{code}: the entry, an "unassigned"
// entry for valid numbers nobody registered, 404 for anything that is
// not a status code (with the explanation of what the number is).
func (s *server) handleAPICode(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r) {
		return
	}
	v := r.PathValue("code")
	n, err := strconv.Atoi(v)
	if err != nil || len(v) > 3 || strings.HasPrefix(v, "+") || strings.HasPrefix(v, "-") {
		s.fail(w, r, http.StatusNotFound, "%q is not a status code: status codes are three-digit numbers from 100 to 599", clip(v))
		return
	}
	if st := s.api.byCode[n]; st != nil {
		st.serve(w, r)
		return
	}
	_, derr := httpstatus.Describe(n)
	var notCode *httpstatus.NotStatusCodeError
	if errors.As(derr, &notCode) {
		s.fail(w, r, http.StatusNotFound, "%s. %s", notCode.Reason, notCode.Detail)
		return
	}
	s.fail(w, r, http.StatusNotFound, "%d is not a status code", n)
}

// searchAnswer is the body of /api/v1/search.
type searchAnswer struct {
	Query   string        `json:"query"`
	Count   int           `json:"count"`
	Results []searchMatch `json:"results"`
}

type searchMatch struct {
	export.Row
	Matched string `json:"matched"`
	Score   int    `json:"score"`
}

// maxQuery bounds a search query.
const maxQuery = 200

// handleAPISearch is GET /api/v1/search?q=: the catalogue's ranked search.
func (s *server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) || !s.onlyParams(w, r, "q") {
		return
	}
	q := r.URL.Query().Get("q")
	switch {
	case strings.TrimSpace(q) == "":
		s.fail(w, r, http.StatusBadRequest, "q= is required: words such as 'rate limit' or a code such as 404")
		return
	case len(q) > maxQuery:
		s.fail(w, r, http.StatusBadRequest, "q is %d bytes; at most %d are allowed", len(q), maxQuery)
		return
	}
	matches := httpstatus.Search(q)
	ans := searchAnswer{Query: q, Count: len(matches), Results: make([]searchMatch, len(matches))}
	for i, m := range matches {
		ans.Results[i] = searchMatch{export.RowOf(m.Status), m.Field, m.Score}
	}
	writeJSON(w, http.StatusOK, ans)
}

func (s *server) handleCodesJSON(w http.ResponseWriter, r *http.Request) {
	if s.allowMethods(w, r, http.MethodGet, http.MethodHead) && s.onlyParams(w, r) {
		s.api.codesJSON.serve(w, r)
	}
}

// handleOpenAPI serves the OpenAPI 3.1 description of every endpoint.
func (s *server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	if s.allowMethods(w, r, http.MethodGet, http.MethodHead) && s.onlyParams(w, r) {
		s.api.openAPI.serve(w, r)
	}
}

func (s *server) handleCodesCSV(w http.ResponseWriter, r *http.Request) {
	if s.allowMethods(w, r, http.MethodGet, http.MethodHead) && s.onlyParams(w, r) {
		s.api.codesCSV.serve(w, r)
	}
}
