package vn.capuy.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every list endpoint answers: {@code items},
 * {@code total}, {@code page}, {@code size}, {@code totalExact}. Where counting every row
 * would be slow, {@code total} is a cap and {@code totalExact} is false: "more than
 * total".
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalExact) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 1000;

	public static int size(Integer requested) {
		if (requested == null) {
			return DEFAULT_SIZE;
		}
		if (requested < 1 || requested > MAX_SIZE) {
			throw new InvalidInputException("size", "error.page.size", MAX_SIZE);
		}
		return requested;
	}

	public static int page(Integer requested) {
		if (requested == null) {
			return 0;
		}
		if (requested < 0) {
			throw new InvalidInputException("page", "error.page.number");
		}
		return requested;
	}

	public int pageCount() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

	/**
	 * Whether a next page exists. Above a capped count (not exact) a full page means
	 * there may be more.
	 */
	public boolean hasNext() {
		if (!this.totalExact) {
			return this.items.size() == this.size;
		}
		return (long) (this.page + 1) * this.size < this.total;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.total, this.page, this.size, this.totalExact);
	}

}
