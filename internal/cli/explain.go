package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/export"
	"github.com/spf13/cobra"
)

type explainOptions struct {
	json bool
}

func (o *explainOptions) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.json, "json", false, "print the catalogue entry as JSON")
}

func newExplainCommand(e *env) *cobra.Command {
	opts := &explainOptions{}
	cmd := &cobra.Command{
		Use:   "explain CODE...",
		Short: "Explain status codes: meaning, causes, fixes, headers, spec",
		Long: "explain prints everything the catalogue knows about each CODE: every meaning\n" +
			"of the number (registered first, then vendors'), why you are seeing it, how to\n" +
			"fix it, related codes, headers, caching, body and retry rules, the defining\n" +
			"spec section, constants in other languages and a wire example.\n\n" +
			"CODE may be a class (4xx). Unassigned numbers such as 299 are explained too\n" +
			"(exit 0); numbers that are not status codes (0, 42, 600) get an explanation\n" +
			"and exit 1; anything that is not a number is a usage error (exit 2).",
		Example: "  httpstatus explain 404\n" +
			"  httpstatus 418 --json\n" +
			"  httpstatus 502 503 504\n" +
			"  httpstatus 000",
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: completeCodes,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExplain(e, opts, args)
		},
	}
	opts.register(cmd)
	return cmd
}

// runExplain explains each argument in turn. All arguments are checked
// before anything is printed, so a typo in the third one does not leave
// half an answer behind.
func runExplain(e *env, opts *explainOptions, args []string) error {
	parsed := make([]codeArg, len(args))
	for i, a := range args {
		p, err := parseCodeArg(a)
		if err != nil {
			return err
		}
		parsed[i] = p
	}
	t := e.terminalFor(e.stdout)
	exit := exitOK
	var docs []any
	for i, p := range parsed {
		if p.isClass {
			if opts.json {
				docs = append(docs, classJSON(p.class))
			} else {
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				renderClass(e.stdout, t, p.class)
			}
			continue
		}
		s, err := httpstatus.Describe(p.code)
		var notCode *httpstatus.NotStatusCodeError
		if errors.As(err, &notCode) {
			exit = exitNoHit
			if opts.json {
				docs = append(docs, map[string]any{"code": notCode.Code, "error": notCode.Reason, "detail": notCode.Detail})
			} else {
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				fmt.Fprint(e.stdout, wrap(notCode.Reason+".", t.width, "", ""))
				fmt.Fprint(e.stdout, "\n"+wrap(notCode.Detail, t.width, "", ""))
			}
			continue
		}
		if opts.json {
			docs = append(docs, s)
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		renderEntry(e.stdout, t, s)
	}
	if opts.json {
		var v any = docs
		if len(docs) == 1 {
			v = docs[0]
		}
		if err := writeJSON(e.stdout, v); err != nil {
			return err
		}
	}
	if exit != exitOK {
		return &exitError{code: exit, silent: true}
	}
	return nil
}

// writeJSON writes v indented, with HTML characters left alone (the output
// is for terminals and files, not for inlining in pages).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func classJSON(c httpstatus.Class) any {
	info, _ := c.Info()
	var codes []export.Row
	for _, s := range httpstatus.All() {
		if s.Class == c {
			codes = append(codes, export.RowOf(s))
		}
	}
	return struct {
		httpstatus.ClassInfo
		Codes []export.Row `json:"codes"`
	}{info, codes}
}

func renderClass(w io.Writer, t terminal, c httpstatus.Class) {
	info, _ := c.Info()
	fmt.Fprintln(w, t.style(c.String()+" "+info.Name, ansiBold+t.classColor(c)))
	fmt.Fprint(w, t.dim(wrap(specLine(info.Spec), t.width, "", "")))
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(info.Summary, t.width, "", ""))
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(info.Description, t.width, "", ""))
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(fmt.Sprintf("A client treats a %s code it does not recognise as %d.", c, info.Fallback), t.width, "", ""))
	fmt.Fprintln(w)
	fmt.Fprintln(w, t.bold("Codes"))
	for _, s := range httpstatus.All() {
		if s.Class == c {
			fmt.Fprintln(w, "  "+listLine(t, s))
		}
	}
}

func specLine(sp httpstatus.Spec) string {
	doc := sp.Document
	if sp.Section != "" {
		doc += " §" + sp.Section
	}
	if sp.URL != "" {
		doc += "  " + sp.URL
	}
	return doc
}

// renderEntry lays out every meaning of a number for a terminal.
func renderEntry(w io.Writer, t terminal, s httpstatus.Status) {
	meanings := append([]httpstatus.Status{s}, s.Also...)
	if len(meanings) > 1 {
		fmt.Fprint(w, wrap(fmt.Sprintf("%d has %d meanings: %s.", s.Code, len(meanings), meaningList(meanings)), t.width, "", ""))
		fmt.Fprintln(w)
	}
	for i, m := range meanings {
		if i > 0 {
			fmt.Fprintln(w, t.dim(strings.Repeat("─", t.width)))
		}
		renderMeaning(w, t, m)
	}
}

func meaningList(ms []httpstatus.Status) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		who := "IANA registry"
		if m.Registry == httpstatus.Unofficial {
			who = m.Vendor
		}
		parts[i] = fmt.Sprintf("%q (%s)", m.Phrase, who)
	}
	return strings.Join(parts, ", ")
}

func renderMeaning(w io.Writer, t terminal, s httpstatus.Status) {
	width := t.width
	head := strconv.Itoa(s.Code) + " " + s.Phrase
	fmt.Fprintln(w, t.style(head, ansiBold+t.classColor(s.Class)))
	fmt.Fprint(w, wrap(s.Standing()+" · "+s.Class.String()+" "+className(s.Class), width, "", ""))
	fmt.Fprint(w, t.dim(wrap(specLine(s.Spec), width, "", "")))
	if len(s.Aliases) > 0 {
		fmt.Fprint(w, wrap("Also known as: "+strings.Join(s.Aliases, ", "), width, "", "  "))
	}
	if s.RegistryNote != "" && s.Registry != httpstatus.Permanent || s.Deprecated {
		fmt.Fprint(w, wrap("Note: "+s.RegistryNote, width, "", "  "))
	}
	if s.NeverSent {
		fmt.Fprint(w, wrap("Never reaches the client as such: "+s.ClientSees, width, "", "  "))
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(s.Summary, width, "", ""))
	fmt.Fprintln(w)
	for _, para := range strings.Split(s.Description, "\n\n") {
		fmt.Fprint(w, wrap(para, width, "", ""))
		fmt.Fprintln(w)
	}
	renderAdvice(w, t, "Why you are seeing it", s.Causes)
	renderAdvice(w, t, "How to fix it", s.Fixes)
	if len(s.Related) > 0 {
		fmt.Fprintln(w, t.bold("Related codes"))
		for _, r := range s.Related {
			label := strconv.Itoa(r.Code)
			if rs, ok := httpstatus.Lookup(r.Code); ok {
				label += " " + rs.Phrase
			}
			fmt.Fprint(w, wrap(label+": "+r.Why, width, "  ", "    "))
		}
		fmt.Fprintln(w)
	}
	if len(s.Headers) > 0 {
		fmt.Fprintln(w, t.bold("Headers"))
		for _, h := range s.Headers {
			fmt.Fprint(w, wrap(h.Name+" ("+requirementWords(h)+"): "+h.Note, width, "  ", "    "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, t.bold("Facts"))
	fmt.Fprint(w, wrap("Cacheable by default: "+yesNo(s.Cacheable), width, "  ", "    "))
	fmt.Fprint(w, wrap("Body: "+string(s.Body), width, "  ", "    "))
	fmt.Fprint(w, wrap("Retry: "+s.Retry, width, "  ", "    "))
	fmt.Fprint(w, wrap("Sent by: "+joinSenders(s.SentBy), width, "  ", "    "))
	fmt.Fprintln(w)
	if c := s.Constants.List(); len(c) > 0 {
		fmt.Fprintln(w, t.bold("Constants"))
		for _, nc := range c {
			fmt.Fprintf(w, "  %-11s %s\n", nc.Language, nc.Name)
		}
		fmt.Fprintln(w)
	}
	if s.Example != "" {
		fmt.Fprintln(w, t.bold("On the wire"))
		for _, line := range strings.Split(strings.ReplaceAll(s.Example, "\r\n", "\n"), "\n") {
			fmt.Fprintln(w, "  "+t.dim(line))
		}
	}
}

func className(c httpstatus.Class) string {
	if info, ok := c.Info(); ok {
		return info.Name
	}
	return "(outside the valid range 100-599)"
}

// audiences orders advice: the caller first, then the operator.
var audiences = []struct {
	who   httpstatus.Audience
	title string
}{
	{httpstatus.ForClient, "If you are calling the URL"},
	{httpstatus.ForServer, "If you run the server"},
	{httpstatus.ForAnyone, "Either side"},
}

func renderAdvice(w io.Writer, t terminal, title string, items []httpstatus.Advice) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintln(w, t.bold(title))
	for _, a := range audiences {
		first := true
		for _, item := range items {
			if item.Audience != a.who {
				continue
			}
			if first {
				fmt.Fprintln(w, "  "+a.title+":")
				first = false
			}
			fmt.Fprint(w, wrap(item.Text, t.width, "  - ", "    "))
		}
	}
	fmt.Fprintln(w)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func joinSenders(ss []httpstatus.Sender) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// requirementWords is a header's requirement with its condition, such as
// "recommended when the response has content".
func requirementWords(h httpstatus.Header) string {
	if w := h.When.Words(); w != "" {
		return string(h.Requirement) + " " + w
	}
	return string(h.Requirement)
}
