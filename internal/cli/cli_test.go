package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/export"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// run calls Main the way the binary does, with a fixed environment.
func run(t *testing.T, environ map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return environ[k] }
	code = Main(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
	return out.String(), errOut.String(), code
}

// TestGolden compares the output of common commands with the files under
// testdata/golden. Run 'go test ./internal/cli -update' after a deliberate
// change to the catalogue or the layout, and review the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"explain-404", []string{"404"}, 0},
		{"explain-404-json", []string{"explain", "404", "--json"}, 0},
		{"explain-418", []string{"418"}, 0},
		{"explain-499", []string{"499"}, 0},
		{"explain-299", []string{"299"}, 0},
		{"explain-000", []string{"000"}, 1},
		{"explain-000-json", []string{"000", "--json"}, 1},
		{"explain-4xx", []string{"4xx"}, 0},
		{"search-rate-limit", []string{"search", "rate", "limit"}, 0},
		{"search-payload-json", []string{"search", "payload too large", "--json", "--limit", "3"}, 0},
		{"list-5xx", []string{"list", "5xx"}, 0},
		{"list-4xx-unofficial", []string{"list", "4xx", "--unofficial"}, 0},
		{"list-1xx-json", []string{"list", "1xx", "--json"}, 0},
		{"list-all-csv", []string{"list", "--unofficial", "--csv"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, nil, tt.args...)
			if code != tt.exit {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.exit, errOut)
			}
			matchGolden(t, filepath.Join("testdata", "golden", tt.name+".txt"), out)
		})
	}
}

// matchGolden compares got with the golden file at path, or with -update
// rewrites the file.
func matchGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update after a deliberate change):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(no difference)"
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args    []string
		exit    int
		message string // part of the one line on stderr
	}{
		{[]string{"4O4"}, 2, "did you mean 404?"},
		{[]string{"5OO"}, 2, "did you mean 500?"},
		{[]string{"abc"}, 2, "is not a status code number"},
		{[]string{"-1"}, 2, "positive three-digit"},
		{[]string{"explain", "-1"}, 2, "positive three-digit"},
		{[]string{"1000"}, 2, "three digits"},
		{[]string{"0404"}, 2, "did you mean 404?"},
		{[]string{"+404"}, 2, "did you mean 404?"},
		{[]string{""}, 2, "empty status code"},
		{[]string{"   "}, 2, "empty status code"},
		{[]string{"teapot"}, 2, "did you mean 418"},
		{[]string{"404", "4O4"}, 2, "did you mean 404?"},
		{[]string{"list", "7xx"}, 2, "list takes a class"},
		{[]string{"list", "4xx", "5xx"}, 2, "accepts at most 1 arg"},
		{[]string{"list", "--json", "--csv"}, 2, "[csv json]"},
		{[]string{"export", "--format", "xml"}, 2, "--format must be one of json, csv, markdown"},
		{[]string{"export", "extra"}, 2, "unknown command"},
		{[]string{"search"}, 2, "requires at least 1 arg"},
		{[]string{"search", " "}, 2, "empty search"},
		{[]string{"search", "x", "--limit", "-2"}, 2, "--limit must be 0"},
		{[]string{"search", "zzzzqqq"}, 1, "no code matches"},
		{[]string{"--bogus"}, 2, "unknown flag: --bogus"},
		{[]string{"--color", "sometimes", "404"}, 2, "--color must be auto, always or never"},
		{[]string{"42"}, 1, ""},
		{[]string{"600"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, nil, tt.args...)
			if code != tt.exit {
				t.Fatalf("exit %d, want %d (stdout %q, stderr %q)", code, tt.exit, out, errOut)
			}
			if tt.message == "" {
				if errOut != "" {
					t.Errorf("unexpected stderr %q", errOut)
				}
				return
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "httpstatus: ") {
				t.Errorf("stderr must be one line starting with 'httpstatus: ', got %q", errOut)
			}
			if !strings.Contains(errOut, tt.message) {
				t.Errorf("stderr %q does not say %q", errOut, tt.message)
			}
			if tt.exit == 2 && out != "" {
				t.Errorf("a usage error printed to stdout: %q", out)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	for args, want := range map[string]int{"404": 0, "299": 0, "432": 0, "999": 0, "783": 0, "000": 1, "0": 1, "99": 1, "404 000": 1, "404 299": 0} {
		if _, _, code := run(t, nil, strings.Fields(args)...); code != want {
			t.Errorf("httpstatus %s: exit %d, want %d", args, code, want)
		}
	}
}

func TestColor(t *testing.T) {
	out, _, _ := run(t, nil, "--color", "always", "404")
	if !strings.Contains(out, "\x1b[1m\x1b[33m404 Not Found") {
		t.Errorf("--color always: phrase not in the 4xx colour: %q", out[:min(len(out), 80)])
	}
	out, _, _ = run(t, map[string]string{"NO_COLOR": "1"}, "503")
	if strings.Contains(out, "\x1b[") {
		t.Error("NO_COLOR set but output has escape codes")
	}
	out, _, _ = run(t, nil, "--color", "never", "503")
	if strings.Contains(out, "\x1b[") {
		t.Error("--color never but output has escape codes")
	}
}

func TestTerminalDecision(t *testing.T) {
	e := &env{color: "auto", getenv: func(k string) string {
		return map[string]string{"COLUMNS": "60"}[k]
	}}
	if term := e.terminalFor(&bytes.Buffer{}); term.color || term.width != 60 {
		t.Errorf("pipe with COLUMNS=60: %+v", term)
	}
	e.getenv = func(string) string { return "" }
	if term := e.terminalFor(&bytes.Buffer{}); term.width != defaultWidth {
		t.Errorf("default width %d", term.width)
	}
	e.color = "always"
	if term := e.terminalFor(&bytes.Buffer{}); !term.color {
		t.Error("--color=always ignored")
	}
}

func TestWrapRespectsWidth(t *testing.T) {
	for _, cols := range []string{"40", "60", "100"} {
		out, _, _ := run(t, map[string]string{"COLUMNS": cols}, "502")
		limit, _ := strconv.Atoi(cols)
		for _, line := range strings.Split(out, "\n") {
			// Wire examples and single long words may exceed the width.
			if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  -") && !strings.HasPrefix(line, "    ") {
				continue
			}
			if n := utf8.RuneCountInString(line); n > limit && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("COLUMNS=%s: line of %d runes: %q", cols, n, line)
			}
		}
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range [][]string{{"--help"}, {"explain", "--help"}, {"search", "--help"}, {"list", "--help"}, {"export", "--help"}} {
		out, _, code := run(t, nil, cmd...)
		if code != 0 || !strings.Contains(out, "Examples:") {
			t.Errorf("%v: exit %d, no Examples section:\n%s", cmd, code, out)
		}
	}
	out, _, code := run(t, nil, "--version")
	if code != 0 || !strings.HasPrefix(out, "httpstatus ") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		out, errOut, code := run(t, nil, "completion", shell)
		if code != 0 || !strings.Contains(out, "httpstatus") || len(out) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
	out, _, _ := run(t, nil, "__complete", "40")
	if !strings.Contains(out, "404\tNot Found") {
		t.Errorf("code completion lacks 404: %q", out[:min(len(out), 200)])
	}
	out, _, _ = run(t, nil, "__complete", "list", "")
	if !strings.Contains(out, "4xx") {
		t.Errorf("list completion lacks 4xx: %q", out)
	}
	out, _, _ = run(t, nil, "__complete", "export", "--format", "")
	if !strings.Contains(out, "markdown") {
		t.Errorf("format completion lacks markdown: %q", out)
	}
}

func TestExport(t *testing.T) {
	out, _, code := run(t, nil, "export", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var entries []struct {
		Code int               `json:"code"`
		Also []json.RawMessage `json:"also"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	meanings := 0
	for i, e := range entries {
		meanings += 1 + len(e.Also)
		if i > 0 && entries[i-1].Code >= e.Code {
			t.Errorf("export json: %d after %d", e.Code, entries[i-1].Code)
		}
	}
	if meanings != 110 {
		t.Errorf("export json holds %d meanings, want 110", meanings)
	}

	out, _, code = run(t, nil, "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 111 || len(rows[0]) != len(export.CSVHeader) {
		t.Errorf("export csv: exit %d, err %v, %d rows", code, err, len(rows))
	}

	out, _, code = run(t, nil, "export", "-f", "markdown")
	for _, want := range []string{"# HTTP status codes", "## 4xx Client Error", "## 404 Not Found", "## 999 Request Denied", "```http"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("export markdown lacks %q", want)
		}
	}
}

// maxErrorLine bounds an error line from parseCodeArg, whatever the input.
const maxErrorLine = 300

// checkErrorLine reports what is wrong with an error message about arg: it
// must be one line of at most maxErrorLine bytes, valid UTF-8, with no
// control or other unprintable characters (the user's own are escaped).
func checkErrorLine(t *testing.T, arg, msg string) {
	t.Helper()
	show := arg
	if len(show) > 60 {
		show = show[:60] + "..."
	}
	if len(msg) > maxErrorLine {
		t.Errorf("error for %q (%d bytes) is %d bytes long, over %d: %q", show, len(arg), len(msg), maxErrorLine, msg)
	}
	if !utf8.ValidString(msg) {
		t.Errorf("error for %q is not valid UTF-8: %q", show, msg)
	}
	if i := strings.IndexFunc(msg, func(r rune) bool { return !strconv.IsPrint(r) }); i >= 0 {
		t.Errorf("error for %q has an unprintable character at byte %d: %q", show, i, msg)
	}
}

// TestParseCodeArgErrorBound feeds parseCodeArg the arguments whose printed
// form is much longer than their length in runes, and huge ones, into every
// branch that prints the argument.
func TestParseCodeArgErrorBound(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s, 10000/len(s)) }
	tests := map[string]string{
		"fuzz crasher":              "0 7\xe51" + strings.Repeat("\xe5", 35),
		"invalid UTF-8":             long("\xe5"),
		"invalid UTF-8 after text":  "teapot" + long("\xff"),
		"truncated sequences":       long("\xe2\x82"),
		"control characters":        long("\x01"),
		"controls after a match":    "teapot" + long("\x01"),
		"newlines inside":           "a" + long("\n") + "b",
		"DEL and C1 controls":       "x" + long("\x7f\u0085"),
		"bidi overrides":            long("\u202e"),
		"tag characters":            long("\U000e0041"),
		"non-ASCII text":            long("é"),
		"CJK text":                  long("請求"),
		"emoji":                     long("😀"),
		"single quotes":             "teapot" + long("'"),
		"shell specials":            "rate limit " + long("$`\\\"'"),
		"words":                     long("too many requests "),
		"ASCII letters":             long("a"),
		"leading zeros":             strings.Repeat("0", 9997) + "404",
		"many digits":               long("1"),
		"negative number":           "-" + long("9"),
		"positive number":           "+" + long("9"),
		"lookalikes":                long("O"),
		"escapes then long text":    "\x00\x01\x02" + long("z"),
		"one huge rune escape each": long("\U0010fffe"),
	}
	for name, arg := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := parseCodeArg(arg)
			if err == nil {
				t.Fatalf("parseCodeArg accepted %q", arg[:min(len(arg), 60)])
			}
			checkErrorLine(t, arg, err.Error())
		})
	}
}

// TestQuoteClip checks that quoting for a message keeps short arguments as
// %q prints them and cuts long ones between two escapes, never inside one.
func TestQuoteClip(t *testing.T) {
	for _, s := range []string{"", "abc", "a b", "4O4", "\xff", "ab\ncd", strings.Repeat("a", 40), strings.Repeat("a", 41),
		strings.Repeat("é", 40), "0 7\xe51" + strings.Repeat("\xe5", 35), strings.Repeat("\u202e", 20), strings.Repeat("\U000e0041", 20), "a" + strings.Repeat("\x01", 15),
		strings.Repeat("'", 100), "it's " + strings.Repeat("a'b ", 20), strings.Repeat("请", 30)} {
		if a := quoteArg(s); len(a) > maxQuoted {
			t.Errorf("quoteArg(%q) = %q, %d bytes, over %d", s, a, len(a), maxQuoted)
		}
		q := quoteClip(s)
		if len(q) > maxQuoted {
			t.Errorf("quoteClip(%q) = %q, %d bytes, over %d", s, q, len(q), maxQuoted)
		}
		full := strconv.Quote(s)
		if len(full) <= maxQuoted && utf8.RuneCountInString(s) <= clipRunes {
			if q != full {
				t.Errorf("quoteClip(%q) = %q, want %q as %%q prints it", s, q, full)
			}
			continue
		}
		kept, ok := strings.CutSuffix(q, `..."`)
		if !ok || !strings.HasPrefix(full, kept) || len(kept) < 2 {
			t.Errorf("quoteClip(%q) = %q, not a prefix of %q ending in ...", s, q, full)
			continue
		}
		// The cut is between escapes if what was kept is itself a whole
		// quoted string.
		if u, err := strconv.Unquote(kept + `"`); err != nil || !strings.HasPrefix(s, u) {
			t.Errorf("quoteClip(%q) = %q cuts inside an escape", s, q)
		}
	}
	// Messages for ordinary arguments are as they always were.
	for arg, want := range map[string]string{
		"abc":                   `"abc" is not a status code number; to search the catalogue by words use 'httpstatus search abc'`,
		"a b":                   `"a b" is not a status code number; to search the catalogue by words use 'httpstatus search 'a b''`,
		"teapot":                `"teapot" is not a status code number; did you mean 418 (I'm a teapot)? 'httpstatus search teapot' lists every match`,
		"0404":                  `"0404" is not a status code: status codes have three digits; did you mean 404?`,
		strings.Repeat("a", 45): `"` + strings.Repeat("a", 40) + `..." is not a status code number; to search the catalogue by words use 'httpstatus search ` + strings.Repeat("a", 40) + `...'`,
		strings.Repeat("1", 50): `"` + strings.Repeat("1", 40) + `..." is not a status code: status codes have three digits (100-599)`,
		"\u202ex":               `"\u202ex" is not a status code number; did you mean 498 (Invalid Host (historical))? 'httpstatus search "\u202ex"' lists every match`,
	} {
		if _, err := parseCodeArg(arg); err == nil || err.Error() != want {
			t.Errorf("parseCodeArg(%q):\n got %v\nwant %s", arg, err, want)
		}
	}
}

func FuzzParseCodeArg(f *testing.F) {
	for _, s := range []string{"404", "4O4", "000", "-1", "1000", "", "4xx", "teapot", "0404", "+404", "\n404", "ab\ncd", "\xff"} {
		f.Add(s)
	}
	// More seeds are in testdata/fuzz/FuzzParseCodeArg, among them inputs
	// the fuzzer once failed on.
	f.Fuzz(func(t *testing.T, arg string) {
		// Every branch, and the clipping, is reached well under 512 bytes;
		// TestParseCodeArgErrorBound covers huge arguments. Longer inputs
		// are not worth the fuzzer's time: each one that finds new coverage
		// is minimized, with a number of calls that grows with the square
		// of its length, and with the default -fuzzminimizetime of 60s
		// that stopped the execs counter for up to a minute at a time.
		if len(arg) > 512 {
			return
		}
		p, err := parseCodeArg(arg)
		if err != nil {
			checkErrorLine(t, arg, err.Error())
			return
		}
		if p.isClass && !p.class.Valid() || !p.isClass && (p.code < 0 || p.code > 999) {
			t.Fatalf("parseCodeArg(%q) = %+v", arg, p)
		}
	})
}
