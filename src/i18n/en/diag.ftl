# The frame of a diagnostic: severity, help, the summary line.

diag-error = error
diag-warning = warning
# A rule that does not hold in a report kept as published (`as_published: true`): never a failure.
diag-notice = notice
diag-help = help
check-summary = checked { $reports ->
    [one] 1 report
   *[other] { $reports } reports
} of { $agencies ->
    [one] 1 agency
   *[other] { $agencies } agencies
}: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
# Follows the summary when there are notices (never "0 notices").
check-summary-notices = {$summary}, { $notices ->
    [one] 1 notice
   *[other] { $notices } notices
}
# For tests only: figures are printed as given.
test-figures = {$a} {$b} {$c}
# A diagnostic's first line, e.g. error[T3-KJ]: …
diag-heading = {$severity}[{$code}]: {$message}
diag-help-line = help: {$help}
