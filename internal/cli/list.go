package cli

import (
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/export"
	"github.com/spf13/cobra"
)

type listOptions struct {
	unofficial bool
	json       bool
	csv        bool
}

func newListCommand(e *env) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list [1xx|2xx|3xx|4xx|5xx|all]",
		Short: "List the codes of a class, or all of them",
		Long: "list prints one line per code: the registered codes by default, and with\n" +
			"--unofficial also the vendors' codes (nginx, Cloudflare, AWS, IIS, ...), every\n" +
			"meaning of a shared number on its own line.",
		Example: "  httpstatus list\n" +
			"  httpstatus list 5xx --unofficial\n" +
			"  httpstatus list all --unofficial --csv > codes.csv",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"1xx", "2xx", "3xx", "4xx", "5xx", "all"},
		RunE: func(cmd *cobra.Command, args []string) error {
			which := "all"
			if len(args) == 1 {
				which = args[0]
			}
			return runList(e, opts, which)
		},
	}
	cmd.Flags().BoolVarP(&opts.unofficial, "unofficial", "u", false, "include unofficial (vendor) codes")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.csv, "csv", false, "print CSV")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	return cmd
}

func runList(e *env, opts *listOptions, which string) error {
	var class httpstatus.Class
	if which != "all" {
		c, ok := httpstatus.ParseClass(which)
		if !ok {
			return usageErrorf("list takes a class (1xx, 2xx, 3xx, 4xx, 5xx) or all, not %q", clip(which))
		}
		class = c
	}
	var rows []httpstatus.Status
	for _, s := range httpstatus.All() {
		if class != 0 && s.Class != class {
			continue
		}
		if s.Registry == httpstatus.Unofficial && !opts.unofficial {
			continue
		}
		rows = append(rows, s)
	}
	switch {
	case opts.json:
		out := make([]export.Row, len(rows))
		for i, s := range rows {
			out[i] = export.RowOf(s)
		}
		return writeJSON(e.stdout, out)
	case opts.csv:
		w := csv.NewWriter(e.stdout)
		_ = w.Write([]string{"code", "phrase", "class", "registry", "vendor", "summary"})
		for _, s := range rows {
			_ = w.Write([]string{strconv.Itoa(s.Code), s.Phrase, s.Class.String(), string(s.Registry), s.Vendor, s.Summary})
		}
		w.Flush()
		return w.Error()
	}
	t := e.terminalFor(e.stdout)
	for _, s := range rows {
		fmt.Fprintln(e.stdout, listLine(t, s))
	}
	return nil
}

// listLabel is the phrase, with the vendor for unofficial codes and the
// standing for codes that are not plainly registered.
func listLabel(s httpstatus.Status) string {
	switch {
	case s.Registry == httpstatus.Unofficial:
		return s.Phrase + " [" + s.Vendor + "]"
	case s.Registry != httpstatus.Permanent:
		return s.Phrase + " [" + string(s.Registry) + "]"
	case s.Deprecated:
		return s.Phrase + " [deprecated]"
	}
	return s.Phrase
}

// listLine is "404  Not Found", the code coloured by class.
func listLine(t terminal, s httpstatus.Status) string {
	return t.style(strconv.Itoa(s.Code), ansiBold+t.classColor(s.Class)) + "  " + listLabel(s)
}

// completeCodes offers every code with its phrase to shell completion.
func completeCodes(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	seen := map[int]bool{}
	for _, s := range httpstatus.All() {
		if seen[s.Code] {
			continue
		}
		seen[s.Code] = true
		out = append(out, strconv.Itoa(s.Code)+"\t"+s.Phrase)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
