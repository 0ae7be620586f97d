package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/export"
	"github.com/spf13/cobra"
)

var exportFormats = []string{"json", "csv", "markdown"}

func newExportCommand(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export --format json|csv|markdown",
		Short: "Write the whole catalogue as JSON, CSV or Markdown",
		Long: "export writes every entry of the catalogue to standard output.\n\n" +
			"  json      an array with one object per number, in the shape of 'explain --json'\n" +
			"            (other meanings of a shared number under \"also\")\n" +
			"  csv       one row per meaning; list fields joined with \" | \"\n" +
			"  markdown  a document with a section per class and per code",
		Example: "  httpstatus export --format json > codes.json\n" +
			"  httpstatus export --format csv > codes.csv\n" +
			"  httpstatus export --format markdown > codes.md",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json":
				return writeJSON(e.stdout, export.Primaries())
			case "csv":
				return export.WriteCSV(e.stdout)
			case "markdown", "md":
				return exportMarkdown(e.stdout)
			}
			return usageErrorf("--format must be one of %s, not %q", strings.Join(exportFormats, ", "), clip(format))
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: "+strings.Join(exportFormats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(exportFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// mdEscape keeps table cells on one line and their pipes literal.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
}

func exportMarkdown(w io.Writer) error {
	fmt.Fprintln(w, "# HTTP status codes")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every code of the IANA HTTP Status Code Registry and the well-known unofficial ones, exported by httpstatus "+version()+".")
	for _, info := range httpstatus.Classes() {
		fmt.Fprintf(w, "\n## %s %s\n\n%s\n\n%s\n\n", info.Class, info.Name, info.Summary, info.Description)
		fmt.Fprintln(w, "| Code | Phrase | Registry | Summary |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, s := range httpstatus.All() {
			if s.Class == info.Class {
				fmt.Fprintf(w, "| %d | %s | %s | %s |\n", s.Code, mdEscape(s.Phrase), mdEscape(listRegistry(s)), mdEscape(s.Summary))
			}
		}
	}
	var outside []httpstatus.Status
	for _, s := range httpstatus.All() {
		if !s.Class.Valid() {
			outside = append(outside, s)
		}
	}
	if len(outside) > 0 {
		fmt.Fprintln(w, "\n## Outside 100-599\n\nUnofficial codes some services send although RFC 9110 allows only 100-599.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| Code | Phrase | Registry | Summary |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, s := range outside {
			fmt.Fprintf(w, "| %d | %s | %s | %s |\n", s.Code, mdEscape(s.Phrase), mdEscape(listRegistry(s)), mdEscape(s.Summary))
		}
	}
	fmt.Fprintln(w, "\n# The codes")
	for _, s := range httpstatus.All() {
		markdownEntry(w, s)
	}
	return nil
}

func listRegistry(s httpstatus.Status) string {
	if s.Registry == httpstatus.Unofficial {
		return "unofficial (" + s.Vendor + ")"
	}
	return string(s.Registry)
}

func markdownEntry(w io.Writer, s httpstatus.Status) {
	fmt.Fprintf(w, "\n## %d %s\n\n", s.Code, s.Phrase)
	fmt.Fprintf(w, "*%s · %s*", s.Standing(), s.Class)
	if s.Spec.URL != "" {
		fmt.Fprintf(w, " · [%s](%s)", strings.TrimSpace(s.Spec.Document+" §"+s.Spec.Section), s.Spec.URL)
	} else if s.Spec.Document != "" {
		fmt.Fprintf(w, " · %s", s.Spec.Document)
	}
	fmt.Fprintln(w)
	if len(s.Aliases) > 0 {
		fmt.Fprintf(w, "\nAlso known as: %s.\n", strings.Join(s.Aliases, ", "))
	}
	if s.RegistryNote != "" && s.Registry != httpstatus.Permanent || s.Deprecated {
		fmt.Fprintf(w, "\n> %s\n", s.RegistryNote)
	}
	if s.NeverSent {
		fmt.Fprintf(w, "\n> Never reaches the client as such: %s\n", s.ClientSees)
	}
	fmt.Fprintf(w, "\n**%s**\n\n%s\n", s.Summary, s.Description)
	section := func(title string, items []httpstatus.Advice) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(w, "\n### %s\n\n", title)
		for _, a := range items {
			fmt.Fprintf(w, "- *(%s)* %s\n", a.Audience, a.Text)
		}
	}
	section("Why you are seeing it", s.Causes)
	section("How to fix it", s.Fixes)
	if len(s.Related) > 0 {
		fmt.Fprintln(w, "\n### Related codes")
		fmt.Fprintln(w)
		for _, r := range s.Related {
			fmt.Fprintf(w, "- **%d**: %s\n", r.Code, r.Why)
		}
	}
	if len(s.Headers) > 0 {
		fmt.Fprintln(w, "\n### Headers")
		fmt.Fprintln(w)
		for _, h := range s.Headers {
			fmt.Fprintf(w, "- `%s` (%s): %s\n", h.Name, requirementWords(h), h.Note)
		}
	}
	fmt.Fprintf(w, "\n- Cacheable by default: %s\n- Body: %s\n- Retry: %s\n- Sent by: %s\n",
		yesNo(s.Cacheable), s.Body, s.Retry, joinSenders(s.SentBy))
	if list := s.Constants.List(); len(list) > 0 {
		fmt.Fprintln(w, "\n| Language | Constant |\n|---|---|")
		for _, nc := range list {
			fmt.Fprintf(w, "| %s | `%s` |\n", nc.Language, nc.Name)
		}
	}
	if s.Example != "" {
		fmt.Fprintf(w, "\n```http\n%s\n```\n", strings.TrimRight(strings.ReplaceAll(s.Example, "\r\n", "\n"), "\n"))
	}
}
