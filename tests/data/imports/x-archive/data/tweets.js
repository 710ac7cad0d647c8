window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1724880000000000005" ], "editableUntil" : "2023-11-16T00:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : false } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "Evan Hubinger", "screen_name" : "EvanHub", "indices" : [ "3", "11" ], "id_str" : "1060000000000000002", "id" : "1060000000000000002" } ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "80" ],
      "favorite_count" : "0",
      "id_str" : "1724880000000000005",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1724880000000000005",
      "created_at" : "Wed Nov 15 23:30:00 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @EvanHub: Counting arguments are not about uniform priors.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1724870000000000004" ], "editableUntil" : "2023-11-15T23:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ { "name" : "Joe Carlsmith", "screen_name" : "jkcarlsmith", "indices" : [ "0", "12" ], "id_str" : "1070000000000000003", "id" : "1070000000000000003" } ],
        "urls" : [ ]
      },
      "display_text_range" : [ "13", "70" ],
      "favorite_count" : "31",
      "in_reply_to_status_id_str" : "1724000000000000099",
      "id_str" : "1724870000000000004",
      "in_reply_to_user_id" : "1070000000000000003",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1724870000000000004",
      "in_reply_to_status_id" : "1724000000000000099",
      "created_at" : "Wed Nov 15 22:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@jkcarlsmith I'm extremely skeptical of the counting argument.",
      "lang" : "en",
      "in_reply_to_screen_name" : "jkcarlsmith",
      "in_reply_to_user_id_str" : "1070000000000000003"
    }
  },
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1724860000000000003" ], "editableUntil" : "2023-11-15T22:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] },
      "display_text_range" : [ "0", "24" ],
      "favorite_count" : "12",
      "in_reply_to_status_id_str" : "1724850000000000002",
      "id_str" : "1724860000000000003",
      "in_reply_to_user_id" : "1050000000000000001",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1724860000000000003",
      "in_reply_to_status_id" : "1724850000000000002",
      "created_at" : "Wed Nov 15 21:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "3/ So the prior matters.",
      "lang" : "en",
      "in_reply_to_screen_name" : "QuintinPope5",
      "in_reply_to_user_id_str" : "1050000000000000001"
    }
  },
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1724850000000000002" ], "editableUntil" : "2023-11-15T21:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ { "text" : "AI_safety", "indices" : [ "30", "40" ] } ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "60" ],
      "favorite_count" : "20",
      "in_reply_to_status_id_str" : "1724840000000000001",
      "id_str" : "1724850000000000002",
      "in_reply_to_user_id" : "1050000000000000001",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1724850000000000002",
      "in_reply_to_status_id" : "1724840000000000001",
      "created_at" : "Wed Nov 15 20:30:00 +0000 2023",
      "favorited" : false,
      "full_text" : "2/ Even 2 * 3 &gt; 5 matters for #AI_safety &amp; *everything* else.",
      "lang" : "en",
      "in_reply_to_screen_name" : "QuintinPope5",
      "in_reply_to_user_id_str" : "1050000000000000001"
    }
  },
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1724840000000000001" ], "editableUntil" : "2023-11-15T21:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ { "url" : "https://t.co/Ab3dEf9hIj", "expanded_url" : "https://arxiv.org/abs/2311.08379", "display_url" : "arxiv.org/abs/2311.08379", "indices" : [ "96", "119" ] } ]
      },
      "display_text_range" : [ "0", "119" ],
      "favorite_count" : "120",
      "id_str" : "1724840000000000001",
      "truncated" : false,
      "retweet_count" : "14",
      "id" : "1724840000000000001",
      "created_at" : "Wed Nov 15 20:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "1/ Thoughts on the counting argument in Joe's report:\n\n1. Gradient descent is no uniform sampler.\n- See https://t.co/Ab3dEf9hIj",
      "lang" : "en"
    }
  }
]
