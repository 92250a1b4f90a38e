package dev.structscope.model.type;

import java.util.List;

/**
 * The dynamic-layout attributes of one member ({@code [[structscope::at/switch/when/size]]}):
 * where data decides a member's place, which alternative of a tagged union is read, and how many
 * bytes a member occupies. Counted arrays carry their count in {@link ArrayType#count()} instead,
 * because the count belongs to the type as declared ({@code char name[name_len]}). Immutable.
 *
 * @param at       byte position of a placed member, counted from the start of the outermost record
 *                 being decoded; it does not move the members that follow; or null
 * @param switchOn the discriminator of a tagged union member (the member's type is a union whose
 *                 alternatives carry {@code when}); or null
 * @param when     the values for which this member, an alternative of a tagged union, is chosen;
 *                 empty for the default alternative and for members of ordinary records
 * @param size     the bytes this member occupies: its content is decoded inside that window and
 *                 the rest skipped; or null
 */
public record Dynamic(Expr at, Expr switchOn, List<Expr> when, Expr size) {
    /** No dynamic attribute. */
    public static final Dynamic NONE = new Dynamic(null, null, List.of(), null);

    public Dynamic {
        when = when == null ? List.of() : List.copyOf(when);
    }

    public boolean isNone() {
        return at == null && switchOn == null && when.isEmpty() && size == null;
    }

    public Dynamic withAt(Expr e) {
        return new Dynamic(e, switchOn, when, size);
    }

    public Dynamic withSwitchOn(Expr e) {
        return new Dynamic(at, e, when, size);
    }

    public Dynamic withWhen(List<Expr> values) {
        return new Dynamic(at, switchOn, values, size);
    }

    public Dynamic withSize(Expr e) {
        return new Dynamic(at, switchOn, when, e);
    }
}
