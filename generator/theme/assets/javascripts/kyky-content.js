// mkdocs-material 9's inline script after the content (partials/javascripts/content.html),
// moved into a file for the Content-Security-Policy: opens the tab that the address's
// fragment names.
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
