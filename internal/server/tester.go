package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/httpstatus/httpstatus"
)

// The tester is a form whose state is its URL: /tester?code=418&accept=...
// Submitting it (with or without JavaScript) loads that URL, and the
// server runs the inspector and renders the exchange into the page, so a
// test can be shared as a link and the page works without scripts.
// site.js only swaps the result in without reloading.

// testerForm is the tester's form, field by field as in the URL.
type testerForm struct {
	Code     string // a code or weighted list for /status/{codes}
	Method   string
	Accept   string
	Sleep    string // the test service's sleep=
	Type     string // type=
	Fault    string // fault=
	Body     string // body=: the response body
	RHeaders string // header= lines: response headers
	QHeaders string // request headers, one per line
	Payload  string // the request body
	Path     string // any path on this server, instead of /status/{code}
	Follow   string // "yes" (default) or "no"
}

// testerFields are the form's parameters, in URL order.
var testerFields = []string{"code", "method", "accept", "sleep", "type", "fault", "body", "rheaders", "qheaders", "payload", "path", "follow"}

// testerChoices are the options of the form's menus.
var testerChoices = struct {
	Methods, Accepts, Faults []string
}{
	Methods: []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"},
	Accepts: []string{"", "application/json", "text/plain", "text/html", "*/*"},
	Faults:  []string{"", "reset", "close_after_headers", "truncate", "dribble"},
}

// parseTesterForm reads the form from the query, refusing parameters it
// does not know and parameters given twice.
func parseTesterForm(q url.Values) (testerForm, error) {
	var f testerForm
	fields := map[string]*string{"code": &f.Code, "method": &f.Method, "accept": &f.Accept, "sleep": &f.Sleep, "type": &f.Type,
		"fault": &f.Fault, "body": &f.Body, "rheaders": &f.RHeaders, "qheaders": &f.QHeaders, "payload": &f.Payload, "path": &f.Path, "follow": &f.Follow}
	for key, vs := range q {
		dst, ok := fields[key]
		if !ok {
			return f, fmt.Errorf("unknown parameter %q; the tester takes %s", clip(key), strings.Join(testerFields, ", "))
		}
		if len(vs) > 1 {
			return f, fmt.Errorf("%s is given %d times; give it once", key, len(vs))
		}
		*dst = vs[0]
	}
	f.Code, f.Path, f.Sleep, f.Type = strings.TrimSpace(f.Code), strings.TrimSpace(f.Path), strings.TrimSpace(f.Sleep), strings.TrimSpace(f.Type)
	return f, nil
}

// empty reports whether nothing was asked yet: the plain /tester page.
func (f testerForm) empty() bool { return f == testerForm{} }

// request turns the form into an inspection request.
func (f testerForm) request() (inspectRequest, error) {
	var q inspectRequest
	q.Method = f.Method
	switch f.Follow {
	case "", "yes":
	case "no":
		no := false
		q.FollowRedirects = &no
	default:
		return q, fmt.Errorf("follow %q must be yes or no", clip(f.Follow))
	}
	statusOnly := map[string]string{"sleep": f.Sleep, "type": f.Type, "fault": f.Fault, "body": f.Body, "response headers": f.RHeaders}
	switch {
	case f.Code != "" && f.Path != "":
		return q, fmt.Errorf("give a code or a path, not both: the code builds /status/%s, the path is requested as it is", clip(f.Code))
	case f.Path != "":
		for name, v := range statusOnly {
			if strings.TrimSpace(v) != "" {
				return q, fmt.Errorf("%s only applies to a code (it is a /status option); with a path, put it in the path's query", name)
			}
		}
		q.Path = f.Path
	case f.Code != "":
		params := url.Values{}
		for key, v := range map[string]string{"sleep": f.Sleep, "type": f.Type, "fault": f.Fault, "body": f.Body} {
			if v != "" {
				params.Set(key, v)
			}
		}
		lines, err := headerLines("response headers", f.RHeaders)
		if err != nil {
			return q, err
		}
		for _, h := range lines {
			params.Add("header", h.Name+":"+h.Value)
		}
		q.Path = "/status/" + url.PathEscape(f.Code)
		if len(params) > 0 {
			q.Path += "?" + params.Encode()
		}
	default:
		return q, fmt.Errorf("give a code (such as 418 or 200:3,503) or a path on this server (such as /redirect/3)")
	}
	if f.Accept != "" {
		q.Headers = append(q.Headers, headerField{Name: "Accept", Value: f.Accept})
	}
	lines, err := headerLines("request headers", f.QHeaders)
	if err != nil {
		return q, err
	}
	q.Headers = append(q.Headers, lines...)
	q.Body = f.Payload
	return q, q.validate()
}

// headerLines parses "Name: value" lines, skipping blank ones.
func headerLines(what, text string) ([]headerField, error) {
	var out []headerField
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("%s, line %d: %q is not \"Name: value\"", what, i+1, clip(line))
		}
		out = append(out, headerField{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out, nil
}

// testerView is what the tester template shows.
type testerView struct {
	Form                     testerForm
	Methods, Accepts, Faults []string // menu options, with the form's own value added
	Report                   *inspectReport
	Error                    string
	Note                     string
}

// handleTester is /tester: the form, and the exchange when it was sent.
func (s *server) handleTester(w http.ResponseWriter, r *http.Request) {
	if !s.allowMethods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	form, err := parseTesterForm(r.URL.Query())
	view := &testerView{Form: form, Methods: withChoice(testerChoices.Methods, form.Method),
		Accepts: withChoice(testerChoices.Accepts, form.Accept), Faults: withChoice(testerChoices.Faults, form.Fault)}
	p := page{Title: "Tester", Description: "Send a request to the test service and see the exchange as it went over the wire, 1xx responses and redirects included.",
		Classes: httpstatus.Classes(), Tester: view}
	code := http.StatusOK
	switch {
	case err != nil:
		view.Error, code = err.Error(), http.StatusBadRequest
	case form.empty():
	case insideInspection(r):
		view.Note = "This page was requested by the inspector itself, so it shows the form without sending anything."
	default:
		q, err := form.request()
		if err != nil {
			view.Error, code = err.Error(), http.StatusBadRequest
			break
		}
		rep := s.inspect(r.Context(), q, s.originOf(r))
		view.Report = &rep
		p.Title = "Tester: " + q.Method + " " + q.Path
	}
	w.Header().Set("Cache-Control", "no-store")
	servePage(w, r, s.site.renderNow("tester", p), code)
}

// withChoice is a menu's options plus v when the URL asked for something
// the menu does not list, so that the form shows what will be sent.
func withChoice(options []string, v string) []string {
	if v == "" {
		return options
	}
	for _, o := range options {
		if o == v {
			return options
		}
	}
	return append(append([]string(nil), options...), v)
}
