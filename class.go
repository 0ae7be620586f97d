package httpstatus

import "strconv"

// Class is the class of a status code, given by its first digit
// (RFC 9110 §15): 1xx Informational up to 5xx Server Error.
type Class int

// The five classes of status codes.
const (
	Informational Class = 1 // 1xx: interim response, the request goes on
	Successful    Class = 2 // 2xx: the request was received, understood and accepted
	Redirection   Class = 3 // 3xx: further action is needed to complete the request
	ClientError   Class = 4 // 4xx: the request is at fault
	ServerError   Class = 5 // 5xx: the server failed to fulfil a valid request
)

// ClassOf returns the class of code. It reports false for numbers outside
// 100-599, which are not status codes at all.
func ClassOf(code int) (Class, bool) {
	if code < 100 || code > 599 {
		return 0, false
	}
	return Class(code / 100), true
}

// String returns the class as people write it: "1xx" to "5xx". Classes
// outside 1-9 (which no valid code has) print as "invalid".
func (c Class) String() string {
	if c < 1 || c > 9 {
		return "invalid"
	}
	return strconv.Itoa(int(c)) + "xx"
}

// Valid reports whether c is one of the five classes RFC 9110 defines.
func (c Class) Valid() bool { return c >= Informational && c <= ServerError }

// MarshalText writes the class as "4xx", the form the JSON shape uses.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "4xx" (or "4XX"); it accepts the out-of-range classes
// of unofficial codes (7xx, 9xx) so that an exported catalogue reads back.
func (c *Class) UnmarshalText(b []byte) error {
	if len(b) == 3 && b[0] >= '1' && b[0] <= '9' && (b[1] == 'x' || b[1] == 'X') && (b[2] == 'x' || b[2] == 'X') {
		*c = Class(b[0] - '0')
		return nil
	}
	return &classSyntaxError{string(b)}
}

type classSyntaxError struct{ text string }

func (e *classSyntaxError) Error() string {
	return "httpstatus: " + strconv.Quote(e.text) + " is not a class (want 1xx to 5xx)"
}

// ParseClass reads a class written as "4xx", "4XX" or "4". It reports false
// for anything else, including the out-of-range 6xx-9xx.
func ParseClass(s string) (Class, bool) {
	var c Class
	switch {
	case len(s) == 1 && s[0] >= '1' && s[0] <= '5':
		c = Class(s[0] - '0')
	case len(s) == 3 && c.UnmarshalText([]byte(s)) == nil:
	default:
		return 0, false
	}
	if !c.Valid() {
		return 0, false
	}
	return c, true
}

// ClassInfo describes a class: what it means and how a client treats a
// code of the class that it does not recognise.
type ClassInfo struct {
	Class       Class  `json:"class"`
	Name        string `json:"name"`
	Summary     string `json:"summary"`
	Description string `json:"description"`
	// Fallback is the code a client must treat an unrecognised code of the
	// class as (RFC 9110 §15): the class's x00.
	Fallback int  `json:"fallback"`
	Spec     Spec `json:"spec"`
}

// classes describes the five classes, following RFC 9110 §15.2-§15.6.
var classes = [...]ClassInfo{
	{
		Class:   Informational,
		Name:    "Informational",
		Summary: "An interim response: the server has the request and is still working on it; a final response follows.",
		Description: "A 1xx response is never the answer to a request. It tells the client something while the " +
			"final response is still on its way: go ahead and send the body (100), the protocol is changing (101), " +
			"these resources will be needed (103). A 1xx response ends at its header section and never has content. " +
			"HTTP/1.0 has no 1xx codes, so a server must not send them to an HTTP/1.0 client, and a client must " +
			"accept one or more of them before the final response even when it did not ask for them.",
		Fallback: 100,
		Spec:     Spec{Document: "RFC 9110", Section: "15.2", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.2"},
	},
	{
		Class:   Successful,
		Name:    "Successful",
		Summary: "The request was received, understood and accepted.",
		Description: "A 2xx code says the server did what was asked. Which code tells you what kind of success it " +
			"was: a representation of the resource (200), a new resource (201), work accepted for later (202), " +
			"nothing to send back (204), part of a representation (206). What the content means depends on the " +
			"method: for GET it is the resource, for POST usually the result of the action.",
		Fallback: 200,
		Spec:     Spec{Document: "RFC 9110", Section: "15.3", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3"},
	},
	{
		Class:   Redirection,
		Name:    "Redirection",
		Summary: "The client must take a further step, usually following the Location header, to complete the request.",
		Description: "A 3xx code points elsewhere. Most carry a Location header that user agents follow " +
			"automatically; the codes differ in whether the move is permanent (301, 308) or temporary (302, 303, " +
			"307) and in whether the method may change (301, 302 let old clients turn POST into GET, 303 always " +
			"means GET, 307 and 308 keep method and body). 304 is the odd one: it redirects to the client's own " +
			"cached copy. Clients should detect redirect loops.",
		Fallback: 300,
		Spec:     Spec{Document: "RFC 9110", Section: "15.4", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4"},
	},
	{
		Class:   ClientError,
		Name:    "Client Error",
		Summary: "The request is at fault: it is malformed, unauthorised, aimed at nothing, or otherwise cannot be served as sent.",
		Description: "A 4xx code says the client should change something before trying again. Except for HEAD, the " +
			"server should send content that explains the error and whether it is temporary or permanent. Sending " +
			"the same request again unchanged usually gets the same answer; 408, 425 and 429 are the exceptions " +
			"that invite a retry.",
		Fallback: 400,
		Spec:     Spec{Document: "RFC 9110", Section: "15.5", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5"},
	},
	{
		Class:   ServerError,
		Name:    "Server Error",
		Summary: "The server, or a gateway in front of it, failed to fulfil a request that looked valid.",
		Description: "A 5xx code says the fault is on the server's side. Except for HEAD, the server should send " +
			"content explaining the error and whether it is temporary. Many 5xx answers come not from the " +
			"application but from a proxy, load balancer or CDN in front of it (502, 503, 504): the first question " +
			"is always which hop produced the code. Idempotent requests may be retried, with backoff.",
		Fallback: 500,
		Spec:     Spec{Document: "RFC 9110", Section: "15.6", URL: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6"},
	},
}

// Info returns what the catalogue says of the class; false for a class
// outside 1xx-5xx.
func (c Class) Info() (ClassInfo, bool) {
	if !c.Valid() {
		return ClassInfo{}, false
	}
	return classes[c-1], true
}

// Classes returns the five classes in order, 1xx first.
func Classes() []ClassInfo {
	out := make([]ClassInfo, len(classes))
	copy(out, classes[:])
	return out
}

// IsValid reports whether code is in the range RFC 9110 §15 allows for
// status codes, 100-599, whether or not anyone has registered it.
func IsValid(code int) bool { return code >= 100 && code <= 599 }

// IsInformational reports whether code is an interim 1xx code.
func IsInformational(code int) bool { return code >= 100 && code <= 199 }

// IsSuccess reports whether code is a 2xx code.
func IsSuccess(code int) bool { return code >= 200 && code <= 299 }

// IsRedirect reports whether code is a 3xx code.
func IsRedirect(code int) bool { return code >= 300 && code <= 399 }

// IsClientError reports whether code is a 4xx code.
func IsClientError(code int) bool { return code >= 400 && code <= 499 }

// IsServerError reports whether code is a 5xx code.
func IsServerError(code int) bool { return code >= 500 && code <= 599 }

// IsError reports whether code is a 4xx or 5xx code.
func IsError(code int) bool { return code >= 400 && code <= 599 }

// IsFinal reports whether a response with code ends the exchange: every
// valid code except the interim 1xx ones.
func IsFinal(code int) bool { return code >= 200 && code <= 599 }
