// Package export writes the whole catalogue in the machine formats that
// both the CLI (httpstatus export) and the server (/codes.json,
// /codes.csv) offer, so that the two never drift apart.
package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus"
)

// Row is the short form of an entry that lists and search results use
// (CLI --json and --csv, the API's search answer).
type Row struct {
	Code     int                 `json:"code"`
	Phrase   string              `json:"phrase"`
	Class    httpstatus.Class    `json:"class"`
	Registry httpstatus.Registry `json:"registry"`
	Vendor   string              `json:"vendor"`
	Summary  string              `json:"summary"`
}

// RowOf shortens an entry to a Row.
func RowOf(s httpstatus.Status) Row {
	return Row{s.Code, s.Phrase, s.Class, s.Registry, s.Vendor, s.Summary}
}

// Primaries returns one entry per number, other meanings nested in Also.
func Primaries() []httpstatus.Status {
	var out []httpstatus.Status
	for _, s := range httpstatus.All() {
		if len(out) == 0 || out[len(out)-1].Code != s.Code {
			out = append(out, s)
		}
	}
	return out
}

// CSVHeader names the columns of WriteCSV.
var CSVHeader = []string{
	"code", "phrase", "aliases", "class", "registry", "registry_note", "deprecated", "vendor",
	"spec_document", "spec_section", "spec_url", "summary", "description", "causes", "fixes",
	"related", "headers", "cacheable", "body", "retry", "sent_by", "never_sent", "client_sees",
	"go", "python", "javascript", "java", "csharp", "rust", "ruby", "php",
}

// WriteCSV writes one row per meaning; list fields are joined with " | ".
func WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(CSVHeader)
	for _, s := range httpstatus.All() {
		var related, headers, senders []string
		for _, r := range s.Related {
			related = append(related, strconv.Itoa(r.Code))
		}
		for _, h := range s.Headers {
			headers = append(headers, h.Name+" ("+string(h.Requirement)+")")
		}
		for _, x := range s.SentBy {
			senders = append(senders, string(x))
		}
		c := s.Constants
		_ = cw.Write([]string{
			strconv.Itoa(s.Code), s.Phrase, strings.Join(s.Aliases, " | "), s.Class.String(), string(s.Registry),
			s.RegistryNote, strconv.FormatBool(s.Deprecated), s.Vendor,
			s.Spec.Document, s.Spec.Section, s.Spec.URL, s.Summary, s.Description,
			adviceList(s.Causes), adviceList(s.Fixes), strings.Join(related, " | "), strings.Join(headers, " | "),
			strconv.FormatBool(s.Cacheable), string(s.Body), s.Retry, strings.Join(senders, " | "),
			strconv.FormatBool(s.NeverSent), s.ClientSees,
			c.Go, c.Python, c.JavaScript, c.Java, c.CSharp, c.Rust, c.Ruby, c.PHP,
		})
	}
	cw.Flush()
	return cw.Error()
}

func adviceList(items []httpstatus.Advice) string {
	parts := make([]string, len(items))
	for i, a := range items {
		parts[i] = string(a.Audience) + ": " + a.Text
	}
	return strings.Join(parts, " | ")
}
