package httpstatus

import (
	"fmt"
	"strconv"
)

// NotStatusCodeError is the answer [Describe] gives for a number that is
// not an HTTP status code. Reason is one line; Detail explains what the
// number probably is, for instance the 0 or 000 tools print when no
// response arrived.
type NotStatusCodeError struct {
	Code   int
	Reason string
	Detail string
}

// Error returns the one-line reason.
func (e *NotStatusCodeError) Error() string { return e.Reason }

// rfc9110Section15 is the section that defines the range and classes of
// status codes and how clients treat codes they do not recognise.
var rfc9110Section15 = Spec{Document: "RFC 9110", Section: "15", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15"}

// warnCode is a code of the obsolete Warning header field, which people
// often mistake for a status code because it has the same three digits.
type warnCode struct {
	text    string
	section string
}

// warnCodeOf returns the warn-code of RFC 7234 §5.5 that code is, if any;
// the Warning header and its codes were obsoleted by RFC 9111.
func warnCodeOf(code int) (warnCode, bool) {
	switch code {
	case 110:
		return warnCode{"Response is Stale", "5.5.1"}, true
	case 111:
		return warnCode{"Revalidation Failed", "5.5.2"}, true
	case 112:
		return warnCode{"Disconnected Operation", "5.5.3"}, true
	case 113:
		return warnCode{"Heuristic Expiration", "5.5.4"}, true
	case 199:
		return warnCode{"Miscellaneous Warning", "5.5.5"}, true
	case 214:
		return warnCode{"Transformation Applied", "5.5.6"}, true
	case 299:
		return warnCode{"Miscellaneous Persistent Warning", "5.5.7"}, true
	}
	return warnCode{}, false
}

// Describe answers for any number someone may take for a status code:
//   - the catalogue entry, as [Lookup] returns it, when there is one;
//   - for an unassigned number in 100-599, an entry with Registry
//     [Unassigned] that says how clients treat it (as the x00 of its
//     class) and, for 110-113, 199, 214 and 299, that it is a warn-code of
//     the obsolete Warning header rather than a status;
//   - for anything else, a *[NotStatusCodeError] explaining what the
//     number is not, and what 0 (or curl's 000) means.
func Describe(code int) (Status, error) {
	if s, ok := Lookup(code); ok {
		return s, nil
	}
	class, ok := ClassOf(code)
	if !ok {
		return Status{}, notStatusCode(code)
	}
	return unassigned(code, class), nil
}

func unassigned(code int, class Class) Status {
	info, _ := class.Info()
	fallback := primary[info.Fallback]
	c := strconv.Itoa(code)
	s := Status{
		Code:         code,
		Phrase:       "Unassigned",
		Class:        class,
		Registry:     Unassigned,
		RegistryNote: c + " is a valid status code number that nobody has registered with IANA.",
		Spec:         rfc9110Section15,
		Summary: fmt.Sprintf("%s is not an assigned status code: a client must treat it as %d %s, the first code of its class (%s %s).",
			c, fallback.Code, fallback.Phrase, class, info.Name),
		Description: fmt.Sprintf("No RFC or registry entry gives %s a meaning, and this catalogue knows of no vendor that uses it. "+
			"Status codes are extensible, so a client must understand at least the class of any code it receives: "+
			"it treats %s exactly like %d %s, except that it must not cache the response. "+
			"A server that sends %s is using a private code; its body, if any, is the only place that says what it means.",
			c, c, fallback.Code, fallback.Phrase, c),
		Causes: []Advice{
			{ForServer, "The application or a framework plugin set a custom status code instead of a registered one."},
			{ForAnyone, "The number came from somewhere other than an HTTP status line: a log field, an error code inside a response body, or a typo."},
		},
		Fixes: []Advice{
			{ForServer, fmt.Sprintf("Send the registered code that fits (at worst %d) and put the detail in the response body, for example as application/problem+json (RFC 9457).", fallback.Code)},
			{ForClient, fmt.Sprintf("Handle it as %d, as RFC 9110 requires, and read the body for the server's explanation.", fallback.Code)},
		},
		Related:   []Relation{{fallback.Code, fmt.Sprintf("Clients treat an unknown %s code as %d.", class, fallback.Code)}},
		Cacheable: false,
		Body:      BodyAllowed,
		Retry:     fallback.Retry,
		SentBy:    []Sender{SentByOrigin},
		Example:   "HTTP/1.1 " + c + " \r\nContent-Length: 0\r\n\r\n",
	}
	if class == Informational {
		s.Body = BodyForbidden
		s.Example = "HTTP/1.1 " + c + " \r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
	}
	if w, ok := warnCodeOf(code); ok {
		s.Summary = fmt.Sprintf("%s is not an assigned status code but a warn-code of the obsolete Warning header (%q); as a status it would be treated as %d %s.",
			c, w.text, fallback.Code, fallback.Phrase)
		s.Description = fmt.Sprintf("You have most likely seen %s in a header such as `Warning: %s - %q`. "+
			"The Warning header field of RFC 7234 §%s carried three-digit warn-codes that look like status codes but are not: "+
			"they annotated a response that had its own status. RFC 9111 obsoleted the Warning header in 2022 because caches "+
			"rarely sent it and clients rarely read it, so new software should neither send nor rely on it. "+
			"As a status code %s is unassigned, and a client would treat it as %d %s.",
			c, c, w.text, w.section, c, fallback.Code, fallback.Phrase)
		s.Causes = append(s.Causes, Advice{ForAnyone, fmt.Sprintf("A cache or proxy added `Warning: %s` to a response; the response's real status is on its status line.", c)})
		s.Fixes = append(s.Fixes, Advice{ForServer, "Stop emitting the Warning header: RFC 9111 obsoleted it; use Cache-Status (RFC 9211) to report what a cache did."})
		s.Spec = Spec{Document: "RFC 7234", Section: w.section, URL: "https://www.rfc-editor.org/rfc/rfc7234.html#section-" + w.section}
	}
	return s
}

func notStatusCode(code int) *NotStatusCodeError {
	c := strconv.Itoa(code)
	switch {
	case code == 0:
		return &NotStatusCodeError{
			Code:   0,
			Reason: "0 is not an HTTP status code: it means no HTTP response arrived",
			Detail: "Tools print 0 (curl's %{http_code} prints 000, a browser's fetch reports status 0) when they got no status line at all. " +
				"Look at the error next to it: the host name did not resolve, the connection was refused or reset, " +
				"the TLS handshake failed, the request timed out or was cancelled, the server closed the connection without answering " +
				"(nginx's 444 does exactly that), or, in a browser, CORS, a mixed-content block or an extension stopped the request. " +
				"Nothing reached the server's access log if the connection never opened.",
		}
	case code < 0:
		return &NotStatusCodeError{Code: code, Reason: c + " is not an HTTP status code: status codes are positive three-digit numbers (100-599)",
			Detail: "RFC 9110 §15 defines status codes as three-digit integers from 100 to 599."}
	case code < 100:
		return &NotStatusCodeError{Code: code, Reason: c + " is not an HTTP status code: status codes are three-digit numbers from 100 to 599",
			Detail: "RFC 9110 §15 defines status codes as three-digit integers from 100 to 599. A number below 100 is often an application's own error code, " +
				"an exit status, or a status code with a digit missing."}
	case code <= 999:
		return &NotStatusCodeError{Code: code, Reason: c + " is not an HTTP status code: it is outside the valid range 100-599",
			Detail: "RFC 9110 §15 says values outside 100-599 are invalid, notes that implementations use 600-999 internally for errors " +
				"that are not HTTP statuses (library errors, for instance), and tells a client that receives one to handle it as a 5xx " +
				"server error. Some services send such codes anyway; many clients reject the response outright."}
	default:
		return &NotStatusCodeError{Code: code, Reason: c + " is not an HTTP status code: status codes have exactly three digits (100-599)",
			Detail: "RFC 9110 §15 defines status codes as three-digit integers from 100 to 599."}
	}
}
