package server

import (
	"net/netip"

	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus/internal/exchange"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

// TestOpenAPIDocumentIsValid checks the document served at
// /api/v1/openapi.json with an OpenAPI 3.1 validator.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := get(t, ts.URL+"/api/v1/openapi.json")
	if resp.StatusCode != 200 {
		t.Fatalf("/api/v1/openapi.json: %d", resp.StatusCode)
	}
	doc, err := libopenapi.NewDocument([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.BuildV3Model(); err != nil {
		t.Fatalf("the document does not build: %v", err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, e := range verrs {
			t.Errorf("invalid: %s: %s", e.Message, e.Reason)
		}
	}
}

// examplePath fills a templated path with a value the route accepts.
func examplePath(p string) string {
	return strings.NewReplacer("{codes}", "200", "{list}", "200,201", "{n}", "2", "{seconds}", "0", "{user}", "u", "{passwd}", "p",
		"{etag}", "abc", "{code}", "404", "{file}", "site.css", "{page}", "404").Replace(p)
}

// TestOpenAPIMatchesTheRoutes checks both directions: every documented path
// answers (neither 404 nor 405 for its documented methods), and every
// route in routes.go is documented.
func TestOpenAPIMatchesTheRoutes(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	raw, err := os.ReadFile("web/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			m := strings.ToUpper(method)
			resp, body := call(t, m, ts.URL+examplePath(path), http.Header{"Authorization": {"Bearer x"}}, nil)
			if resp.StatusCode == 405 || (resp.StatusCode == 404 && strings.Contains(body, "no such endpoint")) {
				t.Errorf("documented %s %s answers %d", m, path, resp.StatusCode)
			}
		}
	}
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{"/": true, "/status/": true, "/anything/": true} // prefix routes, covered by /{page}, /status/{codes}, /anything
	for p := range doc.Paths {
		documented[p] = true
	}
	var missing []string
	for _, m := range regexp.MustCompile(`mux\.HandleFunc\("([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		if !documented[m[1]] {
			missing = append(missing, m[1])
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("routes not in the OpenAPI document: %v", missing)
	}
}

// TestOpenAPIDescribesRealAnswers validates real requests and responses
// of the JSON API against the document, so that the schemas say what the
// server does (the inspector's report above all).
func TestOpenAPIDescribesRealAnswers(t *testing.T) {
	ts, s := newTestServer(t, Options{})
	// Checks of this same server on loopback are let through; the
	// metadata address stays refused.
	s.guard = &exchange.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}
	raw, err := os.ReadFile("web/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := libopenapi.NewDocument(raw)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct{ method, path, body string }{
		{"GET", "/api/v1/codes/404", ""},
		{"GET", "/api/v1/codes/299", ""},
		{"GET", "/api/v1/search?q=rate+limit", ""},
		{"POST", "/api/v1/inspect", `{"path":"/status/418"}`},
		{"POST", "/api/v1/inspect", `{"path":"/status/103"}`},
		{"POST", "/api/v1/inspect", `{"path":"/redirect/3"}`},
		{"POST", "/api/v1/inspect", `{"path":"/status/200?fault=reset"}`},
		{"POST", "/api/v1/inspect", `{"path":"/codes.json","headers":[{"name":"Accept-Encoding","value":"gzip"}],"follow_redirects":false}`},
		{"POST", "/api/v1/inspect", `{"path":"relative"}`},
		{"POST", "/api/v1/inspect", `{"path":"/status/503?header=Retry-After:soon&header=Cache-Control:max-age=3600"}`}, // findings
		{"POST", "/api/v1/inspect", `{"path":"/status/200?fault=truncate"}`},
		{"POST", "/api/v1/check", `{"url":"` + ts.URL + `/redirect/2"}`},
		{"POST", "/api/v1/check", `{"url":"` + ts.URL + `/redirect/4"}`}, // findings on the last hop
		{"POST", "/api/v1/check", `{"url":"` + ts.URL + `/status/200?fault=reset","method":"HEAD"}`},
		{"POST", "/api/v1/check", `{"url":"ftp://x"}`},
		{"POST", "/api/v1/check", `{"url":"http://169.254.169.254/"}`},
	} {
		t.Run(tc.method+" "+tc.path+" "+tc.body, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			resp.Body = io.NopCloser(bytes.NewReader(body))
			req, _ = http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			if ok, verrs := v.ValidateHttpRequestResponse(req, resp); !ok {
				for _, e := range verrs {
					t.Errorf("%d answer does not match the document: %s: %s", resp.StatusCode, e.Message, e.Reason)
				}
			}
		})
	}
}
