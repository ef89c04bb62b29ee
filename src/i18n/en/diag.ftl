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
# With the catalogue: the documents checked too.
check-summary-documents = checked { $reports ->
    [one] 1 report
   *[other] { $reports } reports
} of { $agencies ->
    [one] 1 agency
   *[other] { $agencies } agencies
} and { $documents ->
    [one] 1 document
   *[other] { $documents } documents
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

# Why the operating system refused (src/os.rs), ending a sentence such as "cannot write X: …".
os-not-found = it does not exist
os-permission = permission denied
os-exists = it already exists
os-full = the disk is full
os-read-only = the file system is read-only
os-not-folder = a part of the path is not a folder
os-is-folder = it is a folder, not a file
os-not-empty = the folder is not empty
os-address-in-use = the address is in use
os-address-unavailable = this machine has no such address
os-not-utf8 = the text is not UTF-8 (if it is GBK, save it as UTF-8)
os-other = system error ({$detail})
