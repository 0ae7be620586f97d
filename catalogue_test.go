package httpstatus

import (
	"bufio"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readCSV reads a testdata CSV file into records, header dropped.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

// registryPhrase turns IANA's description into the display phrase by
// dropping a trailing "(TEMPORARY ...)" or "(OBSOLETED)" note.
func registryPhrase(description string) string {
	if i := strings.Index(description, " (TEMPORARY"); i >= 0 {
		return description[:i]
	}
	return strings.TrimSuffix(description, " (OBSOLETED)")
}

var referencePattern = regexp.MustCompile(`^\[(RFC(\d+)(, Section ([\d.]+))?|(draft-[a-z0-9-]+))\]`)

func TestCatalogueMatchesRegistry(t *testing.T) {
	rows := readCSV(t, "iana-status-codes.csv")
	if len(rows) != 64 {
		t.Fatalf("registry file has %d rows, want 64", len(rows))
	}
	wantStanding := map[int]Registry{104: Temporary, 306: Reserved, 418: Reserved, 510: Obsolete}
	for _, row := range rows {
		code, _ := strconv.Atoi(row[0])
		t.Run(row[0], func(t *testing.T) {
			s, ok := Lookup(code)
			if !ok {
				t.Fatalf("Lookup(%d) found nothing", code)
			}
			if s.Registry == Unofficial {
				t.Fatalf("Lookup(%d) returned the unofficial %q first; the registered meaning must come first", code, s.Phrase)
			}
			if want := registryPhrase(row[1]); s.Phrase != want || Text(code) != want {
				t.Errorf("phrase %q, Text %q; registry says %q", s.Phrase, Text(code), want)
			}
			standing := Permanent
			if w, ok := wantStanding[code]; ok {
				standing = w
			}
			if s.Registry != standing {
				t.Errorf("registry %q, want %q", s.Registry, standing)
			}
			if standing != Permanent && s.RegistryNote == "" {
				t.Errorf("registry standing %q has no RegistryNote explaining it", standing)
			}
			m := referencePattern.FindStringSubmatch(row[2])
			if m == nil {
				t.Fatalf("unexpected reference %q", row[2])
			}
			switch {
			case m[5] != "":
				if !strings.Contains(s.Spec.Document, m[5]) || !strings.Contains(s.Spec.URL, m[5]) {
					t.Errorf("spec %+v does not name %s", s.Spec, m[5])
				}
			default:
				if want := "RFC " + m[2]; s.Spec.Document != want {
					t.Errorf("spec document %q, registry says %q", s.Spec.Document, want)
				}
				if !strings.Contains(s.Spec.URL, "rfc"+m[2]) {
					t.Errorf("spec URL %q does not point at RFC %s", s.Spec.URL, m[2])
				}
				if m[4] != "" && s.Spec.Section != m[4] {
					t.Errorf("spec section %q, registry says %q", s.Spec.Section, m[4])
				}
			}
		})
	}
	registered := 0
	for _, s := range All() {
		if s.Registry != Unofficial {
			registered++
		}
	}
	if registered != len(rows) {
		t.Errorf("catalogue has %d registered entries, the registry %d", registered, len(rows))
	}
}

func TestTemporaryRegistration(t *testing.T) {
	s, _ := Lookup(104)
	if s.Expires != "2026-11-13" {
		t.Errorf("104 expires %q, want 2026-11-13", s.Expires)
	}
	for _, s := range All() {
		if (s.Expires != "") != (s.Registry == Temporary) {
			t.Errorf("%d %s: Expires %q with registry %q", s.Code, s.Phrase, s.Expires, s.Registry)
		}
	}
	for _, code := range []int{102, 305} {
		if s, _ := Lookup(code); !s.Deprecated || s.RegistryNote == "" {
			t.Errorf("%d must be marked deprecated with a note", code)
		}
	}
}

func TestCatalogueHasEveryUnofficialCode(t *testing.T) {
	rows := readCSV(t, "unofficial-status-codes.csv")
	if len(rows) != 46 {
		t.Fatalf("unofficial file has %d rows, want 46", len(rows))
	}
	for _, row := range rows {
		code, _ := strconv.Atoi(row[0])
		e := findMeaning(code, row[1])
		if e == nil {
			t.Errorf("no unofficial entry %s %q", row[0], row[1])
			continue
		}
		if e.Registry != Unofficial || e.Vendor != row[2] {
			t.Errorf("%s %q: registry %q vendor %q, want unofficial %q", row[0], row[1], e.Registry, e.Vendor, row[2])
		}
	}
	unofficial := 0
	for _, s := range All() {
		if s.Registry == Unofficial {
			unofficial++
		}
	}
	if unofficial != len(rows) {
		t.Errorf("catalogue has %d unofficial entries, the file %d", unofficial, len(rows))
	}
}

func TestSharedNumbersShowEveryMeaning(t *testing.T) {
	for _, code := range []int{103, 306, 418, 419, 420, 425, 430, 451, 498, 499, 530} {
		ms := Meanings(code)
		if len(ms) < 2 {
			t.Errorf("%d has %d meanings, want at least 2", code, len(ms))
			continue
		}
		registered := IsRegistered(code)
		if registered && ms[0].Registry == Unofficial {
			t.Errorf("%d: first meaning is unofficial although the number is registered", code)
		}
		for i, m := range ms {
			if len(m.Also) != len(ms)-1 {
				t.Errorf("%d meaning %d (%s) has %d others in Also, want %d", code, i, m.Phrase, len(m.Also), len(ms)-1)
			}
			for _, a := range m.Also {
				if a.Phrase == m.Phrase || a.Code != code || len(a.Also) != 0 {
					t.Errorf("%d %s: bad Also entry %d %s", code, m.Phrase, a.Code, a.Phrase)
				}
			}
		}
	}
	if s, _ := Lookup(404); len(s.Also) != 0 {
		t.Errorf("404 has other meanings %v", s.Also)
	}
}

// commonCodes deserve more than the minimum of causes and fixes.
var commonCodes = map[int]bool{301: true, 302: true, 304: true, 400: true, 401: true, 403: true, 404: true,
	405: true, 409: true, 422: true, 429: true, 500: true, 502: true, 503: true, 504: true}

func TestEveryEntryIsComplete(t *testing.T) {
	audiences := map[Audience]bool{ForClient: true, ForServer: true, ForAnyone: true}
	requirements := map[Requirement]bool{Required: true, Recommended: true, Optional: true}
	senders := map[Sender]bool{SentByOrigin: true, SentByProxy: true, SentByCDN: true, SentByClient: true}
	for _, s := range All() {
		name := strconv.Itoa(s.Code) + " " + s.Phrase
		t.Run(name, func(t *testing.T) {
			for field, v := range map[string]string{"phrase": s.Phrase, "summary": s.Summary, "description": s.Description,
				"retry": s.Retry, "example": s.Example, "spec document": s.Spec.Document, "body": string(s.Body)} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("empty %s", field)
				}
			}
			if s.Body != BodyAllowed && s.Body != BodyForbidden {
				t.Errorf("body rule %q", s.Body)
			}
			if !strings.HasSuffix(s.Summary, ".") || len(s.Summary) > 300 {
				t.Errorf("summary is not one sentence: %q", s.Summary)
			}
			minAdvice := 1
			if s.Registry != Unofficial && (s.Class == ClientError || s.Class == ServerError) {
				minAdvice = 3
			}
			if commonCodes[s.Code] && s.Registry != Unofficial {
				minAdvice = 5
			}
			if len(s.Causes) < minAdvice || len(s.Fixes) < minAdvice {
				t.Errorf("%d causes and %d fixes, want at least %d each", len(s.Causes), len(s.Fixes), minAdvice)
			}
			for _, a := range append(append([]Advice{}, s.Causes...), s.Fixes...) {
				if !audiences[a.Audience] || strings.TrimSpace(a.Text) == "" {
					t.Errorf("bad advice %+v", a)
				}
			}
			if len(s.SentBy) == 0 {
				t.Error("no sender")
			}
			for _, x := range s.SentBy {
				if !senders[x] {
					t.Errorf("bad sender %q", x)
				}
			}
			seen := map[int]bool{}
			for _, r := range s.Related {
				if _, ok := Lookup(r.Code); !ok {
					t.Errorf("related code %d is not in the catalogue", r.Code)
				}
				if r.Code == s.Code || seen[r.Code] || strings.TrimSpace(r.Why) == "" {
					t.Errorf("bad relation %+v", r)
				}
				seen[r.Code] = true
			}
			for _, h := range s.Headers {
				if !requirements[h.Requirement] || h.Name == "" || h.Note == "" {
					t.Errorf("bad header %+v", h)
				}
			}
			if s.Registry == Unofficial && s.Vendor == "" || s.Registry != Unofficial && s.Vendor != "" {
				t.Errorf("registry %q with vendor %q", s.Registry, s.Vendor)
			}
			if s.NeverSent != (s.ClientSees != "") {
				t.Errorf("NeverSent %v with ClientSees %q", s.NeverSent, s.ClientSees)
			}
			if s.Registry != Unofficial && s.Spec.URL == "" {
				t.Error("registered code without a spec URL")
			}
			if s.Class != Class(s.Code/100) {
				t.Errorf("class %v for code %d", s.Class, s.Code)
			}
		})
	}
}

func TestSpecURLsAreWellFormed(t *testing.T) {
	for _, s := range All() {
		if s.Spec.URL == "" {
			continue
		}
		u, err := url.Parse(s.Spec.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s.Spec.URL, " \t\n") {
			t.Errorf("%d %s: malformed spec URL %q", s.Code, s.Phrase, s.Spec.URL)
			continue
		}
		if u.Host == "www.rfc-editor.org" {
			if !regexp.MustCompile(`^/rfc/rfc\d+\.html$`).MatchString(u.Path) {
				t.Errorf("%d: RFC URL path %q", s.Code, u.Path)
			}
			if s.Spec.Section != "" && u.Fragment != "section-"+s.Spec.Section {
				t.Errorf("%d: URL anchor %q does not match section %q", s.Code, u.Fragment, s.Spec.Section)
			}
		}
	}
}

func TestCachingAndBodyRules(t *testing.T) {
	// RFC 9110 §15.1 lists the heuristically cacheable codes; RFC 7725 §3
	// adds 451. No unofficial code is cacheable by default (RFC 9111 §3).
	cacheable := map[int]bool{200: true, 203: true, 204: true, 206: true, 300: true, 301: true, 308: true,
		404: true, 405: true, 410: true, 414: true, 451: true, 501: true}
	for _, s := range All() {
		want := cacheable[s.Code] && s.Registry != Unofficial
		if s.Cacheable != want {
			t.Errorf("%d %s: cacheable %v, want %v", s.Code, s.Phrase, s.Cacheable, want)
		}
		forbidden := s.Class == Informational || (s.Registry != Unofficial && (s.Code == 204 || s.Code == 205 || s.Code == 304))
		if (s.Body == BodyForbidden) != forbidden {
			t.Errorf("%d %s: body %q", s.Code, s.Phrase, s.Body)
		}
	}
}

func TestRequiredHeaders(t *testing.T) {
	for code, name := range map[int]string{401: "WWW-Authenticate", 405: "Allow", 407: "Proxy-Authenticate", 426: "Upgrade"} {
		s, _ := Lookup(code)
		found := false
		for _, h := range s.Headers {
			if strings.EqualFold(h.Name, name) {
				found = h.Requirement == Required
			}
		}
		if !found {
			t.Errorf("%d must list %s as required", code, name)
		}
	}
	for code, name := range map[int]string{429: "Retry-After", 503: "Retry-After", 201: "Location", 301: "Location", 103: "Link", 206: "Content-Range", 416: "Content-Range"} {
		s, _ := Lookup(code)
		found := false
		for _, h := range s.Headers {
			found = found || strings.EqualFold(h.Name, name)
		}
		if !found {
			t.Errorf("%d must list the %s header", code, name)
		}
	}
}

func TestAliasesKeepOldNames(t *testing.T) {
	for code, alias := range map[int]string{413: "Payload Too Large", 414: "Request-URI Too Long",
		416: "Requested Range Not Satisfiable", 422: "Unprocessable Entity"} {
		s, _ := Lookup(code)
		found := false
		for _, a := range s.Aliases {
			found = found || a == alias
		}
		if !found {
			t.Errorf("%d aliases %q lack %q", code, s.Aliases, alias)
		}
	}
	if s, _ := Lookup(413); !contains(s.Aliases, "Request Entity Too Large") {
		t.Errorf("413 aliases %q lack Request Entity Too Large", s.Aliases)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCodesThatNeverReachTheClient(t *testing.T) {
	for _, c := range []struct {
		code   int
		phrase string
	}{{444, "No Response"}, {499, "Client Closed Request"}, {460, "Client Closed Connection"}, {494, "Request Header Too Large"},
		{495, "SSL Certificate Error"}, {496, "SSL Certificate Required"}, {497, "HTTP Request Sent to HTTPS Port"}, {122, "Request-URI Too Long"}} {
		e := findMeaning(c.code, c.phrase)
		if e == nil || !e.NeverSent || e.ClientSees == "" {
			t.Errorf("%d %s must be marked NeverSent with ClientSees", c.code, c.phrase)
		}
	}
	for code := 494; code <= 497; code++ {
		if e := primary[code]; e == nil || !strings.Contains(e.ClientSees, "400") {
			t.Errorf("%d: ClientSees must say the client gets 400", code)
		}
	}
}

// TestExamplesParse reads every wire example with Go's HTTP parser: the
// status line must carry the entry's code, lines must end in CRLF and
// Content-Length must match the body.
func TestExamplesParse(t *testing.T) {
	for _, s := range All() {
		if s.NeverSent {
			continue
		}
		name := strconv.Itoa(s.Code) + " " + s.Phrase
		t.Run(name, func(t *testing.T) {
			ex := s.Example
			if !strings.HasPrefix(ex, "HTTP/1.1 "+strconv.Itoa(s.Code)+" ") {
				t.Fatalf("example does not start with the status line: %q", firstLine(ex))
			}
			if err := checkCRLF(ex); err != "" {
				t.Error(err)
			}
			r := bufio.NewReader(strings.NewReader(ex))
			for {
				resp, err := http.ReadResponse(r, nil)
				if err != nil {
					t.Fatalf("example does not parse: %v\n%s", err, ex)
				}
				body, err := io.ReadAll(resp.Body)
				if err != nil {
					t.Fatalf("reading body: %v", err)
				}
				if cl := resp.Header.Get("Content-Length"); cl != "" {
					if n, _ := strconv.Atoi(cl); n != len(body) {
						t.Errorf("Content-Length %s but the body has %d bytes", cl, len(body))
					}
				}
				if resp.StatusCode >= 200 || resp.StatusCode == 101 {
					// Every byte counts: a trailing newline past Content-Length
					// is a framing error too (420 once declared 40 and had 41).
					if rest, _ := io.ReadAll(r); len(rest) > 0 && resp.Header.Get("Content-Length") != "" {
						t.Errorf("bytes after the final response: %q", rest)
					}
					return
				}
			}
		})
	}
}

// checkCRLF walks the header sections of an example (interim responses
// first) and reports one that does not end every line with CRLF.
func checkCRLF(ex string) string {
	for pos := 0; strings.HasPrefix(ex[pos:], "HTTP/"); {
		end := strings.Index(ex[pos:], "\r\n\r\n")
		if end < 0 {
			return "header section does not end with an empty CRLF line"
		}
		head := ex[pos : pos+end]
		if strings.ContainsAny(strings.ReplaceAll(head, "\r\n", ""), "\r\n") {
			return "header section has a bare CR or LF: " + strconv.Quote(head)
		}
		pos += end + 4
		if len(head) < 12 || head[9] != '1' { // only interim responses are followed by another
			break
		}
	}
	return ""
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\r\n")
	return l
}

func TestLookupMisses(t *testing.T) {
	for _, code := range []int{-1, 0, 99, 299, 432, 600, 1000, 1 << 30} {
		if s, ok := Lookup(code); ok {
			t.Errorf("Lookup(%d) = %d %s, want nothing", code, s.Code, s.Phrase)
		}
		if Text(code) != "" {
			t.Errorf("Text(%d) = %q, want empty", code, Text(code))
		}
	}
	if Text(499) != "" || Text(999) != "" {
		t.Error("Text must be empty for unofficial codes")
	}
	if got := Text(413); got != "Content Too Large" {
		t.Errorf("Text(413) = %q", got)
	}
}

func TestAllIsSortedAndComplete(t *testing.T) {
	all := All()
	if len(all) != 64+46 {
		t.Errorf("All() has %d entries, want 110", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Code < all[i-1].Code {
			t.Fatalf("All() not sorted at %d: %d after %d", i, all[i].Code, all[i-1].Code)
		}
		if all[i].Code == all[i-1].Code && all[i].Registry != Unofficial && all[i-1].Registry == Unofficial {
			t.Errorf("%d: registered meaning after an unofficial one", all[i].Code)
		}
	}
}

// TestHeaderConditionsAreKnown keeps every header's condition one the
// linter and the pages know how to say.
func TestHeaderConditionsAreKnown(t *testing.T) {
	for _, s := range All() {
		for _, h := range s.Headers {
			if h.When != Always && h.When.Words() == "" {
				t.Errorf("%d %s: header %s has the unknown condition %q", s.Code, s.Phrase, h.Name, h.When)
			}
		}
	}
}
