package org.parley.node.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's jte templates (src/main/jte), compiled to classes in this package at build time by
 * the jte Maven plugin; at run time they are only loaded, never compiled. Output is HTML-escaped by
 * jte's Html content type.
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Templates.class.getClassLoader(), "org.parley.node.console");

    String render(String name, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        engine.render(name + ".jte", parameters, out);
        return out.toString();
    }
}
