package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus/lint"
)

// The test service answers correctly; these are the ways to make it
// answer wrongly, through its own options, and what the linter finds.
// want names, per hop, rules that must be among the findings; every
// other hop must have none.
var findingCases = []struct {
	name, path string
	hops       int
	want       map[int][]string
}{
	{"a Retry-After that is no time", "/status/503?header=Retry-After:soon", 1, map[int][]string{0: {"retry-after-invalid"}}},
	{"a body cut short", "/status/200?fault=truncate", 1, map[int][]string{0: {"content-length-short"}}},
	{"a 405 that allows the method", "/status/405?header=Allow:GET", 1, map[int][]string{0: {"405-allows-method"}}},
	{"a 401 for everyone's cache", "/status/401?header=Cache-Control:public", 1, map[int][]string{0: {"auth-response-public"}}},
	{"a 200 that says it failed", "/status/200?type=json&body=" + url.QueryEscape(`{"success":false}`), 1, map[int][]string{0: {"soft-error"}}},
	{"four redirects", "/redirect/4", 5, map[int][]string{4: {"redirect-chain-long"}}},
	{"clean", "/status/404", 1, nil},
	{"clean redirects", "/redirect/2", 3, map[int][]string{2: {"no-validator"}}},
	{"no response", "/status/200?fault=reset", 1, nil},
}

// checkFindings asserts hops' findings against want: the rules wanted on
// their hop, nothing on other hops, and each finding whole (its hop, the
// rule's severity, a spec URL, the response's code and its page).
func checkFindings(t *testing.T, hops []hopReport, nHops int, want map[int][]string, linkBase string) {
	t.Helper()
	if len(hops) != nHops {
		t.Fatalf("%d hops, want %d", len(hops), nHops)
	}
	for i, h := range hops {
		if h.Findings == nil {
			t.Errorf("hop %d: findings is null, want an array", i)
		}
		var rules []string
		for _, f := range h.Findings {
			rules = append(rules, f.Rule)
			r, ok := lint.RuleByID(f.Rule)
			if !ok {
				t.Errorf("hop %d: %s is no rule", i, f.Rule)
			} else if r.Severity != f.Severity {
				t.Errorf("hop %d: %s has severity %s, its rule %s", i, f.Rule, f.Severity, r.Severity)
			}
			if f.Hop != i || !strings.HasPrefix(f.Spec, "https://") || f.Message == "" || h.Response == nil || f.Code != h.Response.Status ||
				f.Link != linkBase+"/"+strconv.Itoa(f.Code) {
				t.Errorf("hop %d: finding %+v", i, f)
			}
		}
		for _, id := range want[i] {
			if !strings.Contains(" "+strings.Join(rules, " ")+" ", " "+id+" ") {
				t.Errorf("hop %d: findings %v lack %s", i, rules, id)
			}
		}
		if len(want[i]) == 0 && len(rules) > 0 {
			t.Errorf("hop %d: findings %v, want none", i, rules)
		}
	}
}

// TestInspectReportsFindings: each exchange of the inspector's JSON has
// its findings, linked absolutely to the code's page on this server.
func TestInspectReportsFindings(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range findingCases {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(inspectRequest{Path: tc.path})
			rep := inspectVia(t, ts.URL, string(body))
			checkFindings(t, rep.Exchanges, tc.hops, tc.want, ts.URL)
		})
	}
	// The JSON as the OpenAPI document has it: an array on every
	// exchange, the severity as a word, every field named.
	raw := func(path string) []map[string]any {
		t.Helper()
		_, out := call(t, http.MethodPost, ts.URL+"/api/v1/inspect", http.Header{"Content-Type": {"application/json"}}, strings.NewReader(`{"path":"`+path+`"}`))
		var rep struct {
			Exchanges []map[string]any `json:"exchanges"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Exchanges
	}
	got, _ := json.Marshal(raw("/status/503?header=Retry-After:soon")[0]["findings"])
	want := `[{"code":503,"hop":0,"link":"` + ts.URL + `/503","message":"` // the message is the linter's
	if !strings.HasPrefix(string(got), want) || !strings.HasSuffix(string(got), `","rule":"retry-after-invalid","severity":"error","spec":"https://www.rfc-editor.org/rfc/rfc9110.html#section-10.2.3"}]`) {
		t.Errorf("findings %s", got)
	}
	if got, ok := raw("/status/200?fault=reset")[0]["findings"].([]any); !ok || len(got) != 0 {
		t.Errorf("no response: findings %#v, want []", got)
	}
}

// TestInspectFindingLinksUsePublicURL: with --public-url the links name
// the public address, as every other absolute URL of the service does.
func TestInspectFindingLinksUsePublicURL(t *testing.T) {
	ts, _ := newTestServer(t, Options{PublicURL: "https://status.example"})
	rep := inspectVia(t, ts.URL, `{"path":"/status/503?header=Retry-After:soon"}`)
	if fs := rep.Exchanges[0].Findings; len(fs) == 0 || fs[0].Link != "https://status.example/503" {
		t.Errorf("findings %+v", fs)
	}
}

// hopSection is the tester's article of hop i.
func hopSection(t *testing.T, page string, i int) string {
	t.Helper()
	s := regexp.MustCompile(`(?s)<article class="exchange" id="hop` + strconv.Itoa(i) + `">.*?</article>`).FindString(page)
	if s == "" {
		t.Fatalf("no hop %d in the page", i)
	}
	return s
}

// TestTesterShowsFindings: the tester page shows each hop's findings
// under it, rendered by the server: the severity as a word and a class,
// the rule, the message, the spec section and the code's page.
func TestTesterShowsFindings(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, tc := range findingCases {
		t.Run(tc.name, func(t *testing.T) {
			resp, page := get(t, ts.URL+"/tester?path="+url.QueryEscape(tc.path))
			if resp.StatusCode != 200 {
				t.Fatalf("%d", resp.StatusCode)
			}
			for i := range tc.hops {
				hop := hopSection(t, page, i)
				if tc.name == "no response" {
					if strings.Contains(hop, "Findings") || strings.Contains(hop, "finding") {
						t.Errorf("hop %d without a response has findings: %s", i, hop)
					}
					continue
				}
				if !strings.Contains(hop, `<h4 id="hop`+strconv.Itoa(i)+`-findings">Findings`) {
					t.Errorf("hop %d has no findings heading", i)
				}
				for _, id := range tc.want[i] {
					r, _ := lint.RuleByID(id)
					for _, w := range []string{
						`<li class="finding sev-` + r.Severity.String() + `"><strong class="sev">` + r.Severity.String() + `</strong> <code class="rule">` + id + `</code>: `,
						`<a href="` + r.Spec + `">RFC `,
					} {
						if !strings.Contains(hop, w) {
							t.Errorf("hop %d lacks %q", i, w)
						}
					}
				}
				if len(tc.want[i]) == 0 && (!strings.Contains(hop, `<p class="meta findings-none">The linter finds nothing wrong with this response.</p>`) || strings.Contains(hop, `class="findings"`)) {
					t.Errorf("clean hop %d: %s", i, hop)
				}
			}
		})
	}
}

// TestTesterFindingsGolden pins the markup of findings: a 405 that
// allows the method and a Retry-After that is no time.
func TestTesterFindingsGolden(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	_, page := get(t, ts.URL+"/tester?code=405&rheaders="+url.QueryEscape("Allow: GET\nRetry-After: soon"))
	part := regexp.MustCompile(`(?s)<h4 id="hop0-findings">.*?</ul>`).FindString(page)
	if part == "" {
		t.Fatal("no findings in the page")
	}
	checkGolden(t, "/tester?code=405", "testdata/golden/findings-tester.html", part+"\n")
}

// TestCheckReportsFindings: the checker's JSON has each hop's findings
// (links as paths, like its meanings), and its page shows them in a
// section the hop table links to.
func TestCheckReportsFindings(t *testing.T) {
	ts, s := newTestServer(t, Options{CheckPrivate: true})
	s.checkLimiter = newIPLimiter(1000, 1000, 10) // two checks a case, more than the burst
	for _, tc := range findingCases {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(checkRequest{URL: ts.URL + tc.path})
			resp, rep, out := checkVia(t, ts.URL, string(body))
			if resp.StatusCode != 200 {
				t.Fatalf("%d %s", resp.StatusCode, out)
			}
			checkFindings(t, rep.Exchanges, tc.hops, tc.want, "")

			_, page := get(t, ts.URL+"/check?url="+url.QueryEscape(ts.URL+tc.path))
			for i, ex := range rep.Exchanges {
				n := strconv.Itoa(i + 1)
				anchor := `href="#findings` + n + `">`
				heading := `<h4 id="findings` + n + `">#` + n + ` <code>GET `
				if has := len(ex.Findings) > 0; strings.Contains(page, anchor) != has || strings.Contains(page, heading) != has {
					t.Errorf("hop %d with %d findings: link %v, heading %v", i, len(ex.Findings), strings.Contains(page, anchor), strings.Contains(page, heading))
				}
				for _, id := range tc.want[i] {
					if !strings.Contains(page, `<code class="rule">`+id+`</code>`) {
						t.Errorf("the page lacks %s", id)
					}
				}
			}
			clean := len(tc.want) == 0 && tc.name != "no response"
			if strings.Contains(page, "The linter finds nothing wrong with the response.") != clean {
				t.Errorf("the no-findings line: %v, want %v", !clean, clean)
			}
			if strings.Contains(page, `<h3 id="findings">`) != (tc.name != "no response") {
				t.Error("a findings section without a response, or none with one")
			}
		})
	}
}

func TestTally(t *testing.T) {
	f := func(sevs ...lint.Severity) []lint.Finding {
		var out []lint.Finding
		for _, s := range sevs {
			out = append(out, lint.Finding{Severity: s})
		}
		return out
	}
	for _, tc := range []struct {
		fs   []lint.Finding
		want string
	}{
		{nil, ""},
		{f(lint.Error), "1 error"},
		{f(lint.Info, lint.Warning, lint.Warning), "2 warnings, 1 info"},
		{f(lint.Info, lint.Info, lint.Error, lint.Error, lint.Warning), "2 errors, 1 warning, 2 info"},
	} {
		if got := tally(tc.fs); got != tc.want {
			t.Errorf("tally %v = %q, want %q", tc.fs, got, tc.want)
		}
	}
}

func TestSpecTitle(t *testing.T) {
	for spec, want := range map[string]string{
		"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6": "RFC 9110 §15.5.6",
		"https://www.rfc-editor.org/rfc/rfc2774.html":                "RFC 2774",
		"https://www.rfc-editor.org/rfc/rfc9111.html#section-":       "RFC 9111",
		"https://spec.graphql.org/October2021/#sec-Errors":           "spec.graphql.org",
		"https://www.rfc-editor.org/info/rfcx":                       "www.rfc-editor.org",
		"":                                                           "the specification",
		"not a url":                                                  "the specification",
	} {
		if got := specTitle(spec); got != want {
			t.Errorf("specTitle(%q) = %q, want %q", spec, got, want)
		}
	}
}
