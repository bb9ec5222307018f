/*
 * template.c — template objects of tagged templates (ES2025 13.2.8.4
 * GetTemplateObject).  The compiler emits one site record per tagged
 * template: an internal object with slots [cooked strings array, raw
 * strings array, cached template object].  The first evaluation builds the
 * frozen template object; later evaluations of the same site return it.
 */
#include "vm/vm.h"

hx_value hx_template_site_new(hx_realm *realm, hx_value cooked, hx_value raw) {
    hx_object *site = hx_object_new(realm, NULL, HX_CLASS_INTERNAL);
    if (!site) return HX_EXCEPTION;
    site->u.data.slots[0] = cooked;
    site->u.data.slots[1] = raw;
    site->u.data.slots[2] = HX_UNDEFINED;
    site->u.data.slots[3] = HX_UNDEFINED;
    return hx_object_value(site);
}

static hx_value frozen_copy(hx_realm *realm, hx_object *src) {
    hx_value a = hx_array_from(realm, src->elems, src->elem_len);
    if (hx_is_exception(a)) return a;
    return a;
}

hx_value hx_get_template_object(hx_realm *realm, hx_value sitev) {
    hx_object *site = hx_as_object(sitev);
    if (hx_is_object(site->u.data.slots[2])) return site->u.data.slots[2];
    hx_value tmpl = frozen_copy(realm, hx_as_object(site->u.data.slots[0]));
    if (hx_is_exception(tmpl)) return tmpl;
    hx_value raw = frozen_copy(realm, hx_as_object(site->u.data.slots[1]));
    if (hx_is_exception(raw)) return raw;
    if (hx_object_freeze_level(realm, hx_as_object(raw), true) < 0) return HX_EXCEPTION;
    if (hx_define_value(realm, hx_as_object(tmpl), HX_ATOM(realm->rt, raw), raw, 0) < 0) return HX_EXCEPTION;
    if (hx_object_freeze_level(realm, hx_as_object(tmpl), true) < 0) return HX_EXCEPTION;
    site->u.data.slots[2] = tmpl;
    return tmpl;
}
