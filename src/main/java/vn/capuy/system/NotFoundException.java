package vn.capuy.system;

/**
 * Something that does not exist, or exists outside the caller's scope: both answer 404 so
 * that nothing reveals what the caller may not see.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
