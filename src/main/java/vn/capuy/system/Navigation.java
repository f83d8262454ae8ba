package vn.capuy.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The main navigation ({@code @navigation.entries()} in the layout), gathered from every
 * module's {@link NavigationEntry} beans.
 */
@Component("navigation")
public class Navigation {

	private final List<NavigationEntry> entries;

	Navigation(List<NavigationEntry> entries) {
		this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
	}

	public List<NavigationEntry> entries() {
		return this.entries;
	}

}
