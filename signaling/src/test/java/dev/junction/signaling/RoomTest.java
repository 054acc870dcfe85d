package dev.junction.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomTest {

  private final Room<String> renaming = new Room<>("lobby", NamePolicy.RENAME);
  private final Room<String> rejecting = new Room<>("lobby", NamePolicy.REJECT);

  @Test
  void membersEnterWithoutANameAndAreListedInJoinOrder() {
    renaming.enter("peer-a");
    renaming.enter("peer-b");
    renaming.claimName("peer-b", "bob");
    assertThat(roster(renaming)).containsExactly(null, "bob");
    assertThat(renaming.members()).containsExactly("peer-a", "peer-b");
  }

  @Test
  void theRenamePolicyAppendsOneCounterThatIsNeverReset() {
    renaming.enter("1");
    renaming.enter("2");
    renaming.enter("3");
    renaming.enter("4");
    assertThat(renaming.claimName("1", "bob")).isEqualTo(new NameClaim.Granted("bob", false));
    assertThat(renaming.claimName("2", "bob")).isEqualTo(new NameClaim.Granted("bob1", true));
    renaming.claimName("3", "carol");
    assertThat(renaming.claimName("4", "carol")).isEqualTo(new NameClaim.Granted("carol2", true));
  }

  @Test
  void theRenamePolicySkipsSuffixedNamesAlreadyTaken() {
    renaming.enter("1");
    renaming.enter("2");
    renaming.enter("3");
    renaming.claimName("1", "bob1");
    renaming.claimName("2", "bob");
    assertThat(renaming.claimName("3", "bob")).isEqualTo(new NameClaim.Granted("bob2", true));
  }

  @Test
  void theRejectPolicyRefusesATakenName() {
    rejecting.enter("1");
    rejecting.enter("2");
    rejecting.claimName("1", "alice");
    assertThat(rejecting.claimName("2", "alice")).isEqualTo(new NameClaim.Taken("alice"));
    assertThat(rejecting.find("alice")).isEqualTo("1");
  }

  @Test
  void askingForYourOwnNameKeepsIt() {
    rejecting.enter("1");
    rejecting.claimName("1", "alice");
    assertThat(rejecting.claimName("1", "alice")).isEqualTo(new NameClaim.Granted("alice", false));
  }

  @Test
  void renamingFreesTheOldName() {
    rejecting.enter("1");
    rejecting.claimName("1", "alice");
    rejecting.claimName("1", "alicia");
    assertThat(rejecting.find("alice")).isNull();
    assertThat(rejecting.find("alicia")).isEqualTo("1");
  }

  @Test
  void leavingFreesTheNameAndTheSlot() {
    rejecting.enter("1");
    rejecting.claimName("1", "alice");
    assertThat(rejecting.leave("1")).isTrue();
    assertThat(rejecting.leave("1")).isFalse();
    assertThat(rejecting.find("alice")).isNull();
    assertThat(rejecting.isEmpty()).isTrue();
  }

  @Test
  void namingANonMemberOrEnteringTwiceIsAProgrammingError() {
    assertThatThrownBy(() -> rejecting.claimName("ghost", "x")).isInstanceOf(IllegalStateException.class);
    rejecting.enter("1");
    assertThatThrownBy(() -> rejecting.enter("1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theRosterIsAnnouncedToEveryMember() {
    renaming.enter("a");
    renaming.enter("b");
    renaming.claimName("a", "alice");
    List<String> delivered = new ArrayList<>();
    renaming.announceRoster(String::valueOf, (member, text) -> delivered.add(member + " <- " + text));
    assertThat(delivered).containsExactly("a <- [alice, null]", "b <- [alice, null]");
  }

  private static List<String> roster(Room<String> room) {
    List<List<String>> seen = new ArrayList<>();
    room.announceRoster(names -> {
      seen.add(names);
      return "";
    }, (member, text) -> { });
    return seen.get(0);
  }
}
