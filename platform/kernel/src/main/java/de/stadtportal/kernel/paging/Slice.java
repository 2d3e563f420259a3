package de.stadtportal.kernel.paging;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * One page of a sorted list and whether more follow. Queries fetch {@code limit + 1} rows so that
 * the page knows without a count; {@link #of} cuts the extra row off.
 */
public record Slice<T>(List<T> items, boolean more) {

    public Slice {
        items = List.copyOf(items);
    }

    /** The first {@code limit} of {@code fetched} (which holds up to {@code limit + 1} rows). */
    public static <T> Slice<T> of(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new Slice<>(more ? fetched.subList(0, limit) : fetched, more);
    }

    /** How many rows a query reads for a page of {@code limit}: one more, so the page knows whether more follow. */
    public static int rowsFor(int limit) {
        return limit + 1;
    }

    /**
     * Collects what a query read for a page of {@code limit} into the page: a stream's
     * {@code collect}, or a {@code Flux}'s, which then answers the page once the rows are read.
     */
    public static <T> Collector<T, ?, Slice<T>> toSlice(int limit) {
        return Collectors.collectingAndThen(Collectors.toList(), fetched -> of(fetched, limit));
    }

    /** The last item shown, when more follow: the position the next page starts after. */
    public T lastIfMore() {
        return more && !items.isEmpty() ? items.get(items.size() - 1) : null;
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), more);
    }
}
