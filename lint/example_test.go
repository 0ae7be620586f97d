package lint_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/httpstatus/httpstatus/lint"
)

// A handler that refuses a method without saying which ones it allows.
func ExampleFromRecorder() {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusMethodNotAllowed)
		fmt.Fprintln(w, "no")
	})
	req := httptest.NewRequest(http.MethodDelete, "/items/1", nil)
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	for _, f := range lint.Check(lint.FromRecorder(req, rec)) {
		fmt.Println(f.Severity, f.Rule)
	}
	// Output:
	// error 405-no-allow
}

// A 200 that says it failed, and the rule table entry behind the finding.
func ExampleCheck() {
	ex := lint.Exchange{
		Request: lint.Request{Method: "POST", URL: "https://api.example/orders"},
		Response: lint.Response{
			StatusCode: 200,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       []byte(`{"success": false, "message": "card declined"}`),
		},
	}
	for _, f := range lint.Check(ex) {
		r, _ := lint.RuleByID(f.Rule)
		fmt.Println(f.Severity, f.Rule, "-", r.Summary)
	}
	// Output:
	// warning soft-error - a 2xx whose body says the request failed
}
