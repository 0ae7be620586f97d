package exchange_test

import (
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus/internal/exchange"
)

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a?b#frag": "https://example.com/a?b",
		"http://example.com":           "http://example.com",
		"example.com/x":                "https://example.com/x note",
		"localhost:3000/health":        "http://localhost:3000/health note",
		"127.0.0.1:8080":               "http://127.0.0.1:8080 note",
		"[::1]:8080/x":                 "http://[::1]:8080/x note",
		"api.localhost":                "http://api.localhost note",
		"  example.com  ":              "https://example.com note",
		"ftp://example.com":            "error only http:// and https://",
		"https://":                     "error has no host",
		"https://u:p@example.com":      "error user name or password",
		"https://example.com:99999":    "error port",
		"http://exa mple.com":          "error spaces",
		"":                             "error empty",
		"javascript:alert(1)":          "error only http",
		"http://[::1":                  "error not a URL",
	} {
		u, note, err := exchange.ParseTarget(in)
		var got string
		switch {
		case err != nil:
			got = "error " + err.Error()
		case note != "":
			got = u.String() + " note"
		default:
			got = u.String()
		}
		if strings.HasPrefix(want, "error ") {
			if !strings.HasPrefix(got, "error ") || !strings.Contains(got, strings.TrimPrefix(want, "error ")) {
				t.Errorf("ParseTarget(%q) = %q, want %s", in, got, want)
			}
			continue
		}
		if got != want {
			t.Errorf("ParseTarget(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseTarget: whatever is accepted is an http(s) URL with a host and
// no user, and reads back the same.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"example.com", "http://a/b", "localhost:1", "[::1]", "https://u@h", "h:0", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, _, err := exchange.ParseTarget(s)
		if err != nil {
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" || u.User != nil || u.Fragment != "" {
			t.Fatalf("ParseTarget(%q) accepted %q", s, u)
		}
		if again, _, err := exchange.ParseTarget(u.String()); err != nil || again.String() != u.String() {
			t.Fatalf("%q reads back as %v, %v", u, again, err)
		}
	})
}
