package server

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/exchange"
	"github.com/httpstatus/httpstatus/lint"
)

// choiceRules are the findings about the number itself: a test service
// that answers /status/306 must send 306, and the linter is right that
// nobody else should. Only these may appear, and only for these codes.
//
// Codes that only fit a request of some kind get one: a Range for 206 and
// 416, a validator for 304 and 412. Two answers cannot fit their request
// at all and are let off the one rule about it: 201 to GET or HEAD
// (nothing was created) and 301 or 302 to POST (the test service answers
// /status/301 as asked).
var fitting = map[int][2]string{
	206: {"Range", "bytes=0-4"},
	416: {"Range", "bytes=1000-2000"},
	304: {"If-None-Match", `"x"`},
	412: {"If-Match", `"x"`},
}

var choiceRules = map[int]string{
	102: "status-deprecated",
	305: "status-deprecated",
	306: "status-reserved",
	418: "status-reserved",
	510: "status-obsolete",
}

// TestStatusAnswersLintClean eats our own cooking: every registered code
// the test service serves, to GET, HEAD and POST, lints with no error and
// no warning (info is advice and allowed).
func TestStatusAnswersLintClean(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	client := &exchange.Client{KeepAlive: true}
	defer client.CloseIdle()
	codes := httpstatus.Filter(func(s httpstatus.Status) bool {
		return s.Registry != httpstatus.Unofficial
	})
	seen := map[int]bool{}
	for _, s := range codes {
		if seen[s.Code] {
			continue
		}
		seen[s.Code] = true
		for _, method := range []string{"GET", "HEAD", "POST"} {
			t.Run(strconv.Itoa(s.Code)+"/"+method, func(t *testing.T) {
				u, _ := url.Parse(ts.URL + "/status/" + strconv.Itoa(s.Code))
				req := exchange.Request{Method: method, URL: u}
				if h, ok := fitting[s.Code]; ok {
					req.Header = []exchange.Field{{Name: h[0], Value: h[1]}}
				}
				ex := client.Do(context.Background(), req)
				lx, ok := ex.Lint()
				if !ok {
					t.Fatalf("no response: %s", ex.Error)
				}
				for _, f := range lint.Check(lx) {
					unfit := f.Rule == "201-to-safe-method" || f.Rule == "redirect-post-changed"
					if f.Severity < lint.Warning || choiceRules[s.Code] == f.Rule || unfit {
						continue
					}
					t.Errorf("%s\n%s", f, strings.TrimSpace(ex.Response.Raw))
				}
			})
		}
	}
	if len(seen) < 60 {
		t.Fatalf("only %d registered codes were tried", len(seen))
	}
}
