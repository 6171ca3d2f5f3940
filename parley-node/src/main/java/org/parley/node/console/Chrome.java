package org.parley.node.console;

/**
 * What every page's frame shows: who is signed in, in which language, the CSRF token forms carry and
 * which view is open. Templates take it as their first parameter.
 */
record Chrome(String party, String operator, String role, String language, String csrf, String view) {
    /** A label in the operator's language. */
    String t(String key) {
        return Labels.text(key, language);
    }

    /** The {@code lang} attribute of the page. */
    String htmlLang() {
        return "zh".equals(language) ? "zh-Hans" : "en";
    }
}
