// Package httpstatus is a catalogue of HTTP status codes: every code in the
// IANA HTTP Status Code Registry and the well-known unofficial ones, each with
// what it means, why you are seeing it, how to fix it, the headers that go
// with it, its caching and retry rules, its defining document and the names
// other languages give it.
//
// The catalogue is plain Go data compiled into the binary, so importing the
// package parses nothing at start-up, and it imports only the standard
// library. Lookups return (value, ok) in the style of the standard library:
//
//	s, ok := httpstatus.Lookup(404)
//	fmt.Println(s.Phrase) // Not Found
//
// [Text] is a drop-in for [net/http.StatusText] that uses the registry's
// current phrases ("Content Too Large", not "Request Entity Too Large").
package httpstatus

// Status is one meaning of one status code number, as the catalogue knows it.
//
// Most numbers have exactly one meaning. Where several parties use the same
// number (103, 418, 419, 420, 425, 430, 451, 498, 499, 530), the entry
// returned by [Lookup] is the registered meaning when there is one, and the
// other meanings are in Also, each a complete Status of its own.
//
// A Status returned by this package shares its slices with the catalogue:
// callers must treat it as read-only.
type Status struct {
	// Code is the number, 100-599 for every real status code. Two unofficial
	// vendor codes lie outside that range (Shopify's 783, LinkedIn's 999).
	Code int `json:"code"`
	// Phrase is the registry's reason phrase for registered codes (without
	// IANA's "(TEMPORARY ...)" or "(OBSOLETED)" notes), and the vendor's
	// name for unofficial ones.
	Phrase string `json:"phrase"`
	// Aliases are other phrases used for the same meaning: names from older
	// RFCs and the names popular libraries still print. Search matches them.
	Aliases []string `json:"aliases"`
	// Class is the class the first digit puts the code in.
	Class Class `json:"class"`
	// Registry is the code's standing in the IANA registry.
	Registry Registry `json:"registry"`
	// RegistryNote explains a registry standing that is not plain
	// "permanent": a temporary registration's dates, why a code is
	// obsolete, reserved or deprecated in practice.
	RegistryNote string `json:"registry_note"`
	// Expires is the date (YYYY-MM-DD) a temporary registration lapses
	// unless renewed; empty for every other entry.
	Expires string `json:"expires,omitempty"`
	// Deprecated is true when the code is still registered but should not
	// be sent any more (102 Processing, 305 Use Proxy).
	Deprecated bool `json:"deprecated"`
	// Vendor names who uses an unofficial code; empty for registered codes.
	Vendor string `json:"vendor"`
	// Spec is the document, and the section of it, that defines the code.
	Spec Spec `json:"spec"`
	// Summary is one sentence saying what the code means.
	Summary string `json:"summary"`
	// Description explains the code in a paragraph or two.
	Description string `json:"description"`
	// Causes say why you are seeing the code, each for an audience.
	Causes []Advice `json:"causes"`
	// Fixes say how to make the code go away (or send it correctly).
	Fixes []Advice `json:"fixes"`
	// Related lists codes that are easily confused with this one, or that
	// come with it, and how to choose between them.
	Related []Relation `json:"related"`
	// Headers lists the header fields that matter with this code.
	Headers []Header `json:"headers"`
	// Cacheable is true when a cache may store the response without
	// explicit freshness information (heuristically cacheable, RFC 9110
	// §15.1 and RFC 9111 §4.2.2).
	Cacheable bool `json:"cacheable"`
	// Body says whether the response may carry content.
	Body BodyRule `json:"body"`
	// Retry says whether and when a client may repeat the request.
	Retry string `json:"retry"`
	// SentBy lists who typically generates the code.
	SentBy []Sender `json:"sent_by"`
	// NeverSent is true for codes that never reach the client as such:
	// log-only codes, codes replaced by another on the wire, codes a
	// client invents for itself. ClientSees then says what arrives instead.
	NeverSent bool `json:"never_sent"`
	// ClientSees says what the client receives when NeverSent is true.
	ClientSees string `json:"client_sees,omitempty"`
	// Constants names the code in popular libraries, only where the
	// library really defines a name for it.
	Constants Constants `json:"constants"`
	// Example is a short response as it appears on the wire (HTTP/1.1,
	// CRLF line ends). For interim codes it shows the interim response
	// followed by the final one; for codes that are never sent, what the
	// client receives instead.
	Example string `json:"example"`
	// Also holds the other meanings of the same number, registered first.
	// It is set only on entries returned by this package, and the entries
	// inside it have no Also of their own.
	Also []Status `json:"also"`
}

// Registry is the standing of a code in the IANA HTTP Status Code Registry.
type Registry string

// The registry standings a Status can have.
const (
	Permanent  Registry = "permanent"  // registered for good
	Temporary  Registry = "temporary"  // provisional registration with an expiry date (104)
	Reserved   Registry = "reserved"   // listed as "(Unused)": must not be assigned (306, 418)
	Obsolete   Registry = "obsolete"   // its defining document is Historic (510)
	Unofficial Registry = "unofficial" // used in the wild, never registered
	Unassigned Registry = "unassigned" // a valid number nobody has registered
)

// Spec points at the document that defines a code.
type Spec struct {
	// Document is the document's name, such as "RFC 9110".
	Document string `json:"document"`
	// Section is the section within Document, such as "15.5.5"; empty when
	// the whole document is about the code.
	Section string `json:"section"`
	// URL links to the document, anchored at Section when there is one.
	URL string `json:"url"`
}

// Audience says whose job a cause or fix is.
type Audience string

// The audiences of causes and fixes.
const (
	// ForClient is whoever calls the URL: a browser user, an API consumer,
	// a developer writing the HTTP client.
	ForClient Audience = "client"
	// ForServer is whoever runs the service or the proxy in front of it.
	ForServer Audience = "server"
	// ForAnyone applies to both sides.
	ForAnyone Audience = "any"
)

// Advice is one cause or one fix, addressed to an audience.
type Advice struct {
	Audience Audience `json:"audience"`
	Text     string   `json:"text"`
}

// Relation links a code to another one and says why they belong together
// and how to choose between them.
type Relation struct {
	Code int    `json:"code"`
	Why  string `json:"why"`
}

// Requirement says how strongly a header belongs with a code.
type Requirement string

// The requirement levels of a Header.
const (
	Required    Requirement = "required"    // a MUST in the defining spec
	Recommended Requirement = "recommended" // a SHOULD, or what every correct server does
	Optional    Requirement = "optional"    // useful when present
)

// Header is a header field that matters with a code.
type Header struct {
	Name        string      `json:"name"`
	Requirement Requirement `json:"requirement"`
	// When says in which case the requirement applies; empty (Always)
	// means in every response with the code. The linter reads it to check
	// only what the message itself can show.
	When Condition `json:"when,omitempty"`
	Note string    `json:"note"`
}

// Condition narrows a Header's requirement to the case the spec names,
// so that a tool checking responses against the catalogue never blames a
// message for a header it did not need.
type Condition string

// The conditions of a Header. Each names what would have to be known to
// decide whether the header is needed.
const (
	// Always: every response with the code needs the header.
	Always Condition = ""
	// WithContent: only when the response carries content.
	WithContent Condition = "content"
	// ForRangeRequest: only when the request carried Range.
	ForRangeRequest Condition = "range-request"
	// ForCodedContent: only when the request's content had a
	// Content-Encoding (a 415 caused by the coding).
	ForCodedContent Condition = "coded-content"
	// SinglePart: only when the response is not multipart/byteranges.
	SinglePart Condition = "single-part"
	// FirstInterim: only in the first interim response of its kind.
	FirstInterim Condition = "first-interim"
	// NoOtherFraming: only when nothing else (chunked coding, closing
	// the connection) ends the message.
	NoOtherFraming Condition = "no-other-framing"
	// NotAtTarget: only when the request's target is not itself the new
	// resource, as it is for PUT (RFC 9110 §15.3.2).
	NotAtTarget Condition = "not-at-target"
	// IfOn200: only if a 200 to the same request would have carried it
	// (the 304 rule, RFC 9110 §15.4.5); seen by comparing with that 200.
	IfOn200 Condition = "if-on-200"
	// IfKnown: only when the server has the information (a validator it
	// can compute, a preferred choice); a message alone cannot show it.
	IfKnown Condition = "if-known"
	// IfTemporary: only when the condition is temporary (413).
	IfTemporary Condition = "if-temporary"
)

// BodyRule says whether a response with the code may carry content.
type BodyRule string

// The body rules.
const (
	BodyAllowed   BodyRule = "allowed"
	BodyForbidden BodyRule = "forbidden" // 1xx, 204, 205, 304
)

// Sender is who typically generates a code.
type Sender string

// The senders of codes.
const (
	SentByOrigin Sender = "origin" // the application server or its framework
	SentByProxy  Sender = "proxy"  // a reverse proxy, gateway or load balancer
	SentByCDN    Sender = "cdn"    // a content delivery network's edge
	SentByClient Sender = "client" // the client itself, when nothing usable arrived
)

// Constants names a code in popular libraries. A field is empty when that
// library has no name for the code; names are never invented.
type Constants struct {
	Go         string `json:"go,omitempty"`         // net/http
	Python     string `json:"python,omitempty"`     // http.HTTPStatus (3.13 names)
	JavaScript string `json:"javascript,omitempty"` // Node.js http2.constants
	Java       string `json:"java,omitempty"`       // Spring Framework HttpStatus
	CSharp     string `json:"csharp,omitempty"`     // System.Net.HttpStatusCode
	Rust       string `json:"rust,omitempty"`       // http crate StatusCode
	Ruby       string `json:"ruby,omitempty"`       // Rack/Rails status symbol
	PHP        string `json:"php,omitempty"`        // Symfony HttpFoundation Response
}

// Standing says in a few words where the code stands: "Registered",
// "Registered (deprecated)", "Temporary registration, expires 2026-11-13",
// "Reserved (unused)", "Registered, obsolete", "Unofficial: nginx" or
// "Unassigned". The CLI and the site print it under the phrase.
func (s Status) Standing() string {
	switch s.Registry {
	case Permanent:
		if s.Deprecated {
			return "Registered (deprecated)"
		}
		return "Registered"
	case Temporary:
		return "Temporary registration, expires " + s.Expires
	case Reserved:
		return "Reserved (unused)"
	case Obsolete:
		return "Registered, obsolete"
	case Unofficial:
		return "Unofficial: " + s.Vendor
	case Unassigned:
		return "Unassigned"
	}
	return string(s.Registry)
}

// NamedConstant is one library's name for a code.
type NamedConstant struct {
	Language string // as people write it: "Go", "C#", ...
	Name     string
}

// List returns the constants that are set, in a fixed order of languages.
func (c Constants) List() []NamedConstant {
	all := [...]NamedConstant{
		{"Go", c.Go}, {"Python", c.Python}, {"JavaScript", c.JavaScript}, {"Java", c.Java},
		{"C#", c.CSharp}, {"Rust", c.Rust}, {"Ruby", c.Ruby}, {"PHP", c.PHP},
	}
	var out []NamedConstant
	for _, nc := range all {
		if nc.Name != "" {
			out = append(out, nc)
		}
	}
	return out
}

// Words says the condition in a few plain words, to follow the
// requirement ("recommended when the response has content"); "" for
// Always.
func (c Condition) Words() string {
	switch c {
	case WithContent:
		return "when the response has content"
	case ForRangeRequest:
		return "when the request asked for a range"
	case ForCodedContent:
		return "when the request's content coding was refused"
	case SinglePart:
		return "when the response is a single part"
	case FirstInterim:
		return "in the first interim response"
	case NoOtherFraming:
		return "when nothing else ends the message"
	case NotAtTarget:
		return "unless the request's target is the new resource (PUT)"
	case IfOn200:
		return "if a 200 would have carried it"
	case IfKnown:
		return "when the server knows the value"
	case IfTemporary:
		return "when the condition is temporary"
	}
	return ""
}
