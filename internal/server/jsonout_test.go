package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestEchoBoundedInSizeAndDepth posts JSON bodies that used to be
// amplified (indentation grows with the square of the depth) or to crash
// the encoder (a plain-text 500 past 10,000 levels): every echo answers
// within a small multiple of what was sent, or a 400 that says why.
func TestEchoBoundedInSizeAndDepth(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	wide := "[" + strings.Repeat("[[[[[[[[1]]]]]]]],", 20000) + "0]"
	cases := []struct {
		name   string
		body   string
		status int
		detail string
	}{
		{"9,000 levels", nested(9000), 400, "nests more than 1000 levels"},
		{"10,000 levels", nested(10000), 400, "nests more than 1000 levels"},
		{"100,000 levels", nested(100000), 400, "nests more than 1000 levels"},
		{"1,000 levels, the most allowed", nested(1000), 200, ""},
		{"1,001 levels", nested(1001), 400, "nests more than 1000 levels"},
		{"deep objects", strings.Repeat(`{"a":`, 2000) + "1" + strings.Repeat("}", 2000), 400, "nests more than 1000 levels"},
		{"brackets inside strings do not count", `["` + strings.Repeat("[", 5000) + `"]`, 200, ""},
		{"wide and eight deep", wide, 200, ""},
		{"20,000 small numbers", "[" + strings.Repeat("1,", 20000) + "1]", 200, ""},
		{"not JSON", "[[[", 400, "does not parse"},
	}
	for _, path := range []string{"/anything", "/anything/x", "/delay/0"} {
		for _, c := range cases {
			t.Run(path+"/"+c.name, func(t *testing.T) {
				resp, body := call(t, http.MethodPost, ts.URL+path, http.Header{"Content-Type": {"application/json"}}, strings.NewReader(c.body))
				if resp.StatusCode != c.status {
					t.Fatalf("status %d, want %d: %.200s", resp.StatusCode, c.status, body)
				}
				if c.status != 200 {
					assertErrorShape(t, resp, body, c.detail)
					return
				}
				// The echo carries the body twice (data and json) plus
				// the request's headers; anything beyond a few times the
				// body is amplification.
				if limit := 6*len(c.body) + 16<<10; len(body) > limit {
					t.Fatalf("the echo of %d bytes is %d bytes (over %d)", len(c.body), len(body), limit)
				}
				var e struct {
					JSON json.RawMessage `json:"json"`
				}
				if err := json.Unmarshal([]byte(body), &e); err != nil {
					t.Fatalf("the echo is not JSON: %v", err)
				}
				var want bytes.Buffer
				json.Compact(&want, []byte(c.body))
				var got bytes.Buffer
				json.Compact(&got, e.JSON)
				if got.String() != want.String() {
					t.Fatalf("json field is %.100q, want the body %.100q", got.String(), want.String())
				}
			})
		}
	}
}

// TestEchoKeepsNumbersAsSent: the json field is the body as sent, not a
// float64 round trip.
func TestEchoKeepsNumbersAsSent(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	_, body := call(t, http.MethodPost, ts.URL+"/anything", http.Header{"Content-Type": {"application/json"}},
		strings.NewReader(`{"big": 12345678901234567890123, "f": 1.50, "html": "<a>&"}`))
	for _, want := range []string{`12345678901234567890123`, `1.50`, `"<a>&"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the echo lacks %s: %s", want, body)
		}
	}
}

// TestWriteJSONIndentsOnlyWhenCheap: small answers are indented for
// people; answers that indentation would more than double go out compact.
func TestWriteJSONIndentsOnlyWhenCheap(t *testing.T) {
	for _, c := range []struct {
		name     string
		v        any
		indented bool
	}{
		{"small object", map[string]int{"a": 1}, true},
		{"deep small", json.RawMessage(strings.Repeat("[", 200) + strings.Repeat("]", 200)), false},
		{"long flat list", json.RawMessage("[" + strings.Repeat("1,", 50000) + "1]"), false},
		{"long strings", []string{strings.Repeat("x", 100000), strings.Repeat("y", 100000)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			writeJSON(rec, 200, c.v)
			body := rec.Body.Bytes()
			compact, _ := json.Marshal(c.v)
			if got := bytes.Contains(body, []byte("\n  ")); got != c.indented {
				t.Fatalf("indented = %v, want %v", got, c.indented)
			}
			if len(body) > 2*len(compact)+indentSlack+1 {
				t.Fatalf("%d bytes for %d compact", len(body), len(compact))
			}
			if !json.Valid(body) {
				t.Fatal("not JSON")
			}
		})
	}
}

// FuzzIndentedSize: the computed size is what json.Indent produces.
func FuzzIndentedSize(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,2,{}],"b":"x\"]"}`, `[[[[]]]]`, `"a"`, `1`, `[{"":[]},{}]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var indented bytes.Buffer
		json.Indent(&indented, compact.Bytes(), "", "  ")
		size, ok := indentedSize(compact.Bytes(), 1<<30)
		if !ok || size != indented.Len() {
			t.Fatalf("indentedSize(%q) = %d, %v; json.Indent gives %d", compact.String(), size, ok, indented.Len())
		}
		if d := jsonDepth(compact.Bytes(), 1<<30); d > len(s) {
			t.Fatalf("depth %d of %q", d, s)
		}
	})
}

// TestMalformedQueryIsRefused: pairs net/url would drop without a word
// are a 400 that names them, on every route.
func TestMalformedQueryIsRefused(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, c := range []struct{ path, detail string }{
		{"/status/200?sleep=5s%zz", `bad percent-escape in "sleep=5s%zz"`},
		{"/status/200?fault=reset;x", `has a ";" in "fault=reset;x"`},
		{"/status/200?%zz=1", `bad percent-escape in "%zz=1"`},
		{"/status/200?sleep=1%", `bad percent-escape`},
		{"/status/200?sleep=1%2", `bad percent-escape`},
		{"/get?a=1;b=2", `has a ";"`},
		{"/anything?x=%G0", `bad percent-escape`},
		{"/search?q=a%", `bad percent-escape`},
		{"/tester?code=418;", `has a ";"`},
		{"/api/v1/search?q=%zz", `bad percent-escape`},
		{"/healthz?%", `bad percent-escape`},
		{"/tester?" + strings.Repeat("code=1&", 10000) + "code=2", "10001 parameters; at most 10000"},
		{"/get?" + strings.Repeat("&", 10000), "10001 parameters"},
	} {
		t.Run(c.path, func(t *testing.T) {
			resp, body := call(t, http.MethodGet, ts.URL+c.path, http.Header{"Accept": {"application/json"}}, nil)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("%d, want 400: %.200s", resp.StatusCode, body)
			}
			assertErrorShape(t, resp, body, c.detail)
		})
	}
	for _, ok := range []string{"/status/200?body=a%3Bb", "/status/200?body=100%25", "/get?a=&&b=2", "/get?a+b=c+d"} {
		if resp, body := get(t, ts.URL+ok); resp.StatusCode != 200 {
			t.Errorf("%s: %d %.200s", ok, resp.StatusCode, body)
		}
	}
}

// assertErrorShape checks the one error shape, with detail containing want.
func assertErrorShape(t *testing.T, resp *http.Response, body, want string) {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Status != resp.StatusCode || e.Error == "" {
		t.Fatalf("%d is not in the error shape: %.300q", resp.StatusCode, body)
	}
	if !strings.Contains(e.Detail, want) {
		t.Fatalf("detail %q lacks %q", e.Detail, want)
	}
}

// TestEchoDataOfBinaryBodies: a body that is not text is shown as a data:
// URL in base64 (4/3 of its size) rather than lost to U+FFFD or six-byte
// escapes.
func TestEchoDataOfBinaryBodies(t *testing.T) {
	for body, want := range map[string]string{
		"plain text\twith\r\nlines": "plain text\twith\r\nlines",
		"héllo 日本":                  "héllo 日本",
		"\x00\x01":                  "data:application/octet-stream;base64,AAE=",
		"\xff\xfe":                  "data:application/octet-stream;base64,//4=",
		"a\x7fb":                    "data:application/octet-stream;base64,YX9i",
	} {
		if got := echoData([]byte(body)); got != want {
			t.Errorf("echoData(%q) = %q, want %q", body, got, want)
		}
	}
	ts, _ := newTestServer(t, Options{})
	body := strings.Repeat("\x01", 256<<10)
	_, echo := call(t, http.MethodPost, ts.URL+"/anything", http.Header{"Content-Type": {"application/octet-stream"}}, strings.NewReader(body))
	if len(echo) > 2*len(body) {
		t.Errorf("the echo of %d control bytes is %d bytes", len(body), len(echo))
	}
}

// TestDeclaredOversizeBodyRefusedAtOnce: a Content-Length over --max-body
// is a 413 before any byte is read, and a client waiting for 100 Continue
// gets it at once instead of waiting for a read timeout.
func TestDeclaredOversizeBodyRefusedAtOnce(t *testing.T) {
	ts, _ := newTestServer(t, Options{MaxBodyBytes: 1000})
	for _, path := range []string{"/anything", "/upload", "/api/v1/inspect", "/status/200", "/get"} {
		raw := rawExchange(t, ts, "POST "+path+" HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n", 2*time.Second)
		if !strings.HasPrefix(raw, "HTTP/1.1 413 ") || strings.Contains(raw, "100 Continue") {
			t.Errorf("%s: %.80q", path, raw)
		}
	}
	// Within the limit, a route that does not read the body answers at
	// once too, without 100 Continue.
	raw := rawExchange(t, ts, "POST /get HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n", 2*time.Second)
	if !strings.HasPrefix(raw, "HTTP/1.1 405 ") {
		t.Errorf("POST /get waiting for 100 Continue: %.80q", raw)
	}
}
