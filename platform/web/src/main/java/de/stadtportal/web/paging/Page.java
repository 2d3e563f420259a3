package de.stadtportal.web.paging;

import de.stadtportal.kernel.paging.Slice;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers: {@code { "items": [...], "next": "cursor or null" }}. */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of a slice: its items as views, and when more follow, the cursor made from the last
     * item shown ({@code positionOf} gives the values of its sort key).
     */
    public static <T, V> Page<V> of(Slice<T> slice, Function<? super T, ? extends V> view,
            Function<? super T, String[]> positionOf) {
        T last = slice.lastIfMore();
        return new Page<>(slice.items().stream().<V>map(view).toList(),
                last == null ? null : Cursor.encode(positionOf.apply(last)));
    }
}
