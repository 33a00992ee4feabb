METAe
budget;0vote_type;approval
PROJECTSproject_id;cost;"»
"
VOTES
voter_id;vote;m