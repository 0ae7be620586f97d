package server

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func TestAPIGolden(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for name, path := range map[string]string{"api-codes-404": "/api/v1/codes/404", "api-codes-418": "/api/v1/codes/418", "api-codes-299": "/api/v1/codes/299"} {
		resp, body := get(t, ts.URL+path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("%s: %d %q", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		checkGolden(t, path, "testdata/golden/"+name+".json", body)
	}
}

// checkGolden compares body, the answer to path, with a golden file, or
// rewrites the file under -update.
func checkGolden(t *testing.T, path, file, body string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if body != string(want) {
		t.Errorf("%s differs from %s (run with -update after a deliberate change)", path, file)
	}
}

type apiEntry struct {
	Code     int        `json:"code"`
	Class    string     `json:"class"`
	Registry string     `json:"registry"`
	Also     []apiEntry `json:"also"`
}

func TestAPICodes(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	list := func(query string) []apiEntry {
		t.Helper()
		resp, body := get(t, ts.URL+"/api/v1/codes"+query)
		var out []apiEntry
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &out) != nil {
			t.Fatalf("/api/v1/codes%s: %d %q", query, resp.StatusCode, clip(body))
		}
		return out
	}
	all := list("")
	meanings := 0
	for _, e := range all {
		meanings += 1 + len(e.Also)
	}
	if meanings != 110 {
		t.Errorf("/api/v1/codes holds %d meanings, want 110", meanings)
	}
	for _, e := range list("?class=4xx") {
		if e.Class != "4xx" {
			t.Errorf("class=4xx returned %d", e.Code)
		}
	}
	official := list("?unofficial=false")
	for _, e := range official {
		if e.Registry == "unofficial" {
			t.Errorf("unofficial=false returned %d", e.Code)
		}
		for _, a := range e.Also {
			if a.Registry == "unofficial" {
				t.Errorf("unofficial=false kept %d's unofficial meaning", e.Code)
			}
		}
	}
	if len(official) != 64 {
		t.Errorf("unofficial=false returned %d codes, want the registry's 64", len(official))
	}
	for _, bad := range []string{"?class=6xx", "?class=4", "?unofficial=maybe", "?colour=red"} {
		if resp, _ := get(t, ts.URL+"/api/v1/codes"+bad); resp.StatusCode != 400 {
			t.Errorf("/api/v1/codes%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestAPICode(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for path, want := range map[string]struct {
		status   int
		registry string
		detail   string
	}{
		"/api/v1/codes/404":  {200, "permanent", ""},
		"/api/v1/codes/299":  {200, "unassigned", ""},
		"/api/v1/codes/999":  {200, "unofficial", ""},
		"/api/v1/codes/000":  {404, "", "no HTTP response arrived"},
		"/api/v1/codes/600":  {404, "", "outside the valid range"},
		"/api/v1/codes/abc":  {404, "", "not a status code"},
		"/api/v1/codes/4040": {404, "", "not a status code"},
	} {
		resp, body := get(t, ts.URL+path)
		if resp.StatusCode != want.status {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want.status)
			continue
		}
		if want.status == 200 {
			var e apiEntry
			if json.Unmarshal([]byte(body), &e) != nil || e.Registry != want.registry {
				t.Errorf("%s: %q", path, clip(body))
			}
			continue
		}
		var e errorBody
		if json.Unmarshal([]byte(body), &e) != nil || !strings.Contains(e.Detail, want.detail) {
			t.Errorf("%s: %q does not say %q", path, clip(body), want.detail)
		}
	}
	resp, _ := get(t, ts.URL+"/api/v1/codes/404")
	etag := resp.Header.Get("ETag")
	again, body := call(t, "GET", ts.URL+"/api/v1/codes/404", http.Header{"If-None-Match": {etag}}, nil)
	if etag == "" || again.StatusCode != 304 || body != "" {
		t.Errorf("revalidation with %q: %d %q", etag, again.StatusCode, body)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("the API is not open to browsers")
	}
}

func TestAPISearchAndDownloads(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, body := get(t, ts.URL+"/api/v1/search?q=rate+limit")
	var ans searchAnswer
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &ans) != nil || ans.Count == 0 || ans.Results[0].Code != 429 {
		t.Errorf("search rate limit: %d %q", resp.StatusCode, clip(body))
	}
	for _, bad := range []string{"", "?q=", "?q=%20", "?q=" + strings.Repeat("x", 201), "?query=x"} {
		if resp, _ := get(t, ts.URL+"/api/v1/search"+bad); resp.StatusCode != 400 {
			t.Errorf("/api/v1/search%s: %d, want 400", clip(bad), resp.StatusCode)
		}
	}
	resp, body = get(t, ts.URL+"/codes.json")
	var entries []apiEntry
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &entries) != nil || len(entries) < 90 {
		t.Errorf("/codes.json: %d, %d entries", resp.StatusCode, len(entries))
	}
	resp, body = get(t, ts.URL+"/codes.csv")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if resp.StatusCode != 200 || err != nil || len(rows) != 111 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("/codes.csv: %d, %d rows, %v", resp.StatusCode, len(rows), err)
	}
}
