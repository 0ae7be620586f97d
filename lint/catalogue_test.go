package lint_test

import (
	"bufio"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/lint"
)

// numberRules judge the choice of the number itself. A catalogue example
// exists to show its code, so for the example these are expected; every
// other rule must stay quiet.
var numberRules = map[string]bool{
	"status-unofficial": true, "status-reserved": true, "status-deprecated": true,
	"status-obsolete": true, "status-unassigned": true, "status-out-of-range": true,
}

// readAsRegistered are examples of another party's meaning that carry
// nothing to tell them from the registered one, so a linter can only
// read them as the registered code: Google's 103 Checkpoint has no Link
// because it is no Early Hints, and nothing in it says so.
var readAsRegistered = map[string]string{"103 Checkpoint": "103-no-link"}

// exampleExchange parses a catalogue wire example: interim responses,
// then the final one, with nothing known of the request.
func exampleExchange(t *testing.T, wire string) lint.Exchange {
	t.Helper()
	var ex lint.Exchange
	r := bufio.NewReader(strings.NewReader(wire))
	for {
		resp, err := http.ReadResponse(r, nil)
		if err != nil {
			t.Fatalf("example does not parse: %v", err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.Close {
			resp.Header.Set("Connection", "close") // net/http moved it into Close
		}
		lr := lint.Response{
			Proto: resp.Proto, StatusCode: resp.StatusCode, Header: resp.Header, Body: body,
			Reason: strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))),
		}
		if resp.StatusCode >= 200 || resp.StatusCode == 101 {
			rest, _ := io.ReadAll(r)
			lr.Excess = int64(len(rest))
			ex.Response = lr
			return ex
		}
		ex.Interim = append(ex.Interim, lr)
	}
}

// TestCatalogueExamplesLintClean eats our own cooking: every wire example
// in the catalogue lints with no error and no warning, apart from what the
// number itself is (an unofficial example shows an unofficial code).
func TestCatalogueExamplesLintClean(t *testing.T) {
	tried := 0
	for _, s := range httpstatus.All() {
		if s.NeverSent {
			continue // the example shows what arrives instead
		}
		tried++
		t.Run(strconv.Itoa(s.Code)+" "+s.Phrase, func(t *testing.T) {
			for _, f := range lint.Check(exampleExchange(t, s.Example)) {
				if f.Severity >= lint.Warning && !numberRules[f.Rule] && readAsRegistered[strconv.Itoa(s.Code)+" "+s.Phrase] != f.Rule {
					t.Errorf("%s\n%s", f, s.Example)
				}
			}
		})
	}
	if tried < 80 {
		t.Fatalf("only %d examples tried", tried)
	}
}
