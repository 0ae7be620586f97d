package httpstatus

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// languages maps each snapshot in testdata/constants to the Constants field
// it checks.
var languages = map[string]func(Constants) string{
	"go":         func(c Constants) string { return c.Go },
	"python":     func(c Constants) string { return c.Python },
	"javascript": func(c Constants) string { return c.JavaScript },
	"java":       func(c Constants) string { return c.Java },
	"csharp":     func(c Constants) string { return c.CSharp },
	"rust":       func(c Constants) string { return c.Rust },
	"ruby":       func(c Constants) string { return c.Ruby },
	"php":        func(c Constants) string { return c.PHP },
}

// snapshot is a library's list of status names: name to code, and whether
// the name is only an alias or deprecated.
type snapshot struct {
	codes     map[string]int
	secondary map[string]bool
}

func readSnapshot(t *testing.T, lang string) snapshot {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "constants", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap := snapshot{codes: map[string]int{}, secondary: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		code, err := strconv.Atoi(fields[0])
		if err != nil || len(fields) < 2 {
			t.Fatalf("%s.txt: bad line %q", lang, line)
		}
		snap.codes[fields[1]] = code
		snap.secondary[fields[1]] = len(fields) > 2
	}
	return snap
}

// TestConstantsExistInTheLibraries checks every constant the catalogue
// lists against the library's own list, and that no library name for a
// catalogue code is missing.
func TestConstantsExistInTheLibraries(t *testing.T) {
	all := All()
	for lang, field := range languages {
		snap := readSnapshot(t, lang)
		covered := map[int]bool{}
		for _, s := range all {
			name := field(s.Constants)
			if name == "" {
				continue
			}
			code, ok := snap.codes[name]
			switch {
			case !ok:
				t.Errorf("%s: %d %s lists %s, which the library does not define", lang, s.Code, s.Phrase, name)
			case code != s.Code:
				t.Errorf("%s: %d %s lists %s, which the library defines as %d", lang, s.Code, s.Phrase, name, code)
			}
			covered[s.Code] = true
		}
		for name, code := range snap.codes {
			if _, inCatalogue := Lookup(code); inCatalogue && !covered[code] && !snap.secondary[name] {
				t.Errorf("%s: the library names %d %s but the catalogue lists no %s constant for it", lang, code, name, lang)
			}
		}
	}
}

func TestLibraryConstantRowsAttach(t *testing.T) {
	for _, row := range libraryConstants {
		if findMeaning(row.Code, row.Phrase) == nil {
			t.Errorf("constants row %d %q matches no catalogue meaning", row.Code, row.Phrase)
		}
	}
}

// TestGoConstantsMatchTheToolchain reads net/http's status.go from the Go
// installation that runs the test, so the Go names can never drift.
func TestGoConstantsMatchTheToolchain(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("go env GOROOT: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "src", "net", "http", "status.go")
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	goConsts := map[string]int{}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && name.Name != "_" {
					v, _ := strconv.Atoi(lit.Value)
					goConsts["http."+name.Name] = v
				}
			}
		}
	}
	if len(goConsts) < 60 {
		t.Fatalf("found only %d constants in %s", len(goConsts), path)
	}
	for _, s := range All() {
		if s.Constants.Go == "" {
			continue
		}
		if v, ok := goConsts[s.Constants.Go]; !ok || v != s.Code {
			t.Errorf("%d: %s is %d in net/http (present: %v)", s.Code, s.Constants.Go, v, ok)
		}
	}
}
